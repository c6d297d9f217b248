/**
 * Collects the ground truth while the records stream past, so that it never needs the records
 * themselves: counts, planted typologies, reused documents and the rest.
 */
import type { CellTruth, GroundTruth, PlantedTypology, RouteDynamics, SyndicateTruth } from './types.ts';

/** A GroundTruth under construction; `finish` fills in what can only be known at the end. */
export class TruthBuilder {
  readonly facilitators: Record<string, string> = {};
  readonly syndicates: SyndicateTruth[] = [];
  readonly cells: CellTruth[] = [];
  readonly typologies: PlantedTypology[] = [];
  readonly reusedDocuments: { documentId: string; users: string[] }[] = [];
  terrorism: GroundTruth['terrorism'] = { brokerId: '', organisationId: '', offenceId: '', paymentIds: [] };
  readonly crossingsByLocation: Record<string, number> = {};
  restrictedEntityId = '';
  readonly sharedFacilitators: { personId: string; syndicates: string[] }[] = [];
  readonly corruptOfficials: string[] = [];
  readonly renamedVessels: GroundTruth['renamedVessels'] = [];
  readonly routeDynamics: RouteDynamics = { appears: [], fades: [], shifts: [] };
  caseId = '';
  private readonly entityCounts: Record<string, number> = {};
  private readonly linkCounts: Record<string, number> = {};

  constructor(
    readonly seed: number,
    readonly scale: number,
  ) {}

  /** Counts one entity of a type. */
  countEntity(type: string): void {
    this.entityCounts[type] = (this.entityCounts[type] ?? 0) + 1;
  }

  /** Counts one link of a type. */
  countLink(type: string): void {
    this.linkCounts[type] = (this.linkCounts[type] ?? 0) + 1;
  }

  /** Notes one crossing landing at a location, for the hotspot. */
  countCrossing(locationId: string): void {
    this.crossingsByLocation[locationId] = (this.crossingsByLocation[locationId] ?? 0) + 1;
  }

  /** The finished ground truth. */
  finish(): GroundTruth {
    const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
    const busiest = Object.entries(this.crossingsByLocation).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    return {
      seed: this.seed,
      scale: this.scale,
      facilitators: this.facilitators,
      syndicates: this.syndicates,
      cells: this.cells,
      typologies: this.typologies,
      reusedDocuments: this.reusedDocuments,
      terrorism: this.terrorism,
      busiestHotspot: busiest[0]?.[0] ?? '',
      crossingsByLocation: this.crossingsByLocation,
      restrictedEntityId: this.restrictedEntityId,
      sharedFacilitators: this.sharedFacilitators,
      corruptOfficials: this.corruptOfficials,
      renamedVessels: this.renamedVessels,
      routeDynamics: this.routeDynamics,
      caseId: this.caseId,
      counts: {
        entities: { ...this.entityCounts },
        links: { ...this.linkCounts },
        totalEntities: sum(this.entityCounts),
        totalLinks: sum(this.linkCounts),
      },
    };
  }
}
