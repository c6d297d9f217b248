/** A tally of values a file cannot carry back verbatim, reported rather than silently changed. */
import type { Loss } from './types.ts';

/** Counts losses by record type, property and reason. */
export class LossTally {
  private readonly counts = new Map<string, Loss>();

  /** Records one value of `type.property` that will not come back as it was. */
  note(type: string, property: string, reason: string): void {
    const key = `${type}\u0000${property}\u0000${reason}`;
    const known = this.counts.get(key);
    if (known) known.count += 1;
    else this.counts.set(key, { type, property, reason, count: 1 });
  }

  /** The losses, sorted by type and property. */
  list(): Loss[] {
    return [...this.counts.values()].sort(
      (a, b) => a.type.localeCompare(b.type) || a.property.localeCompare(b.property),
    );
  }
}
