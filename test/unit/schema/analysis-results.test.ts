import { describe, expect, it } from 'vitest';
import { extractPayments } from '../../../analysis/money/flows.ts';
import { traceMoney } from '../../../analysis/money/trace.ts';
import { loadRates } from '../../../server/runner/rates.ts';
import { planSteps, runAnalyses } from '../../../server/runner/run-analyses.ts';
import { partOf, summaryOf } from '../../../server/api/routes/analysis-parts.ts';
import {
  ANALYSIS_NAMES,
  AnalysisResultSchema,
  MoneyTraceSchema,
  RESULT_PART_SCHEMAS,
  RunSummarySchema,
} from '../../../server/schema/api/analysis-results.ts';
import { smallCase } from '../runner/small-case.ts';

/** A result as a client reads it: through JSON, where undefined fields vanish. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the analysis results contract', () => {
  const result = overTheWire(runAnalyses(smallCase(), { only: planSteps(undefined) }));

  it('parses a real run of every analysis, losing no field (the schema knows each one)', () => {
    expect(result.parameters.only).toEqual([...ANALYSIS_NAMES]);
    expect(AnalysisResultSchema.parse(result)).toEqual(result);
  });

  it('parses each part the runs API serves, and the summary its status carries', () => {
    for (const part of ANALYSIS_NAMES) {
      const served = overTheWire(partOf(result, part));
      expect(Object.keys(served).length, part).toBeGreaterThan(0);
      expect(RESULT_PART_SCHEMAS[part].parse(served), part).toEqual(served);
    }
    const summary = { ...summaryOf(result), runId: 'run:1', whatIf: false };
    expect(RunSummarySchema.parse(summary)).toEqual(summary);
  });

  it('parses a money trace as the trace route answers it', () => {
    const { base, rates } = loadRates({});
    const { transfers } = extractPayments(smallCase(), { currency: base, rates });
    const trace = traceMoney(transfers, { from: 'acc:b', direction: 'forward', maxHops: 4, maxPaths: 100 });
    const answer = overTheWire({ from: 'acc:b', direction: 'forward' as const, currency: base, ...trace });
    expect(answer.paths.length).toBe(4);
    expect(MoneyTraceSchema.parse(answer)).toEqual(answer);
  });

  it('refuses a malformed result, naming the field', () => {
    const broken = structuredClone(result) as Record<string, unknown>;
    const money = broken.money as { typologies: { kind: string }[] };
    (money.typologies[0] as { kind: string }).kind = 'smurfing';
    const parsed = AnalysisResultSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['money', 'typologies', 0, 'kind']);
  });

  it('refuses a community without members, naming the community and the field', () => {
    const part = structuredClone(partOf(result, 'communities')) as { communities: Record<string, unknown>[] };
    delete part.communities[1]?.members;
    const parsed = RESULT_PART_SCHEMAS.communities.safeParse(part);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['communities', 1, 'members']]);
  });
});
