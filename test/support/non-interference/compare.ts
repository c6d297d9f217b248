/**
 * The comparison of the answers over D and D': request by request, the first place where they part
 * (status, a header, or a path into the body such as `body.relations[2].items[0].id`), with both values,
 * so that each difference names the route and the value that leaks.
 */
import type { Answer } from './client.ts';

export interface Difference {
  user: string;
  phase: string;
  op: string;
  request: string;
  /** Where the answers first differ: `status`, `headers.etag`, `body.items[0].name`... */
  at: string;
  d: unknown;
  dPrime: unknown;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The first path at which two values differ, or undefined when they are equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path: string,
): { at: string; a: unknown; b: unknown } | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return a.length === b.length ? undefined : { at: `${path}.length`, a: a.length, b: b.length };
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const found = firstDifference(ra[key], rb[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return { at: path, a, b };
}

/** Every request whose answers differ, with where and how. */
export function compareAnswers(d: Answer[], dPrime: Answer[]): Difference[] {
  const out: Difference[] = [];
  for (let i = 0; i < Math.max(d.length, dPrime.length); i++) {
    const x = d[i];
    const y = dPrime[i];
    if (!x || !y || x.request !== y.request) {
      const at = `answer ${i}: the sequences diverged`;
      out.push({
        user: x?.user ?? '?',
        phase: x?.phase ?? '?',
        op: x?.op ?? y?.op ?? '?',
        request: x?.request ?? '',
        at,
        d: x?.request,
        dPrime: y?.request,
      });
      break;
    }
    const found = firstDifference(
      { status: x.status, headers: x.headers, body: x.body },
      { status: y.status, headers: y.headers, body: y.body },
      '',
    );
    if (found)
      out.push({
        user: x.user,
        phase: x.phase,
        op: x.op,
        request: x.request,
        at: found.at.slice(1),
        d: found.a,
        dPrime: found.b,
      });
  }
  return out;
}

/** One line per difference, for the test's output. */
export function describeDifference(diff: Difference): string {
  return `${diff.op} as ${diff.user} (phase ${diff.phase}): ${diff.request}\n    at ${diff.at}: D ${show(diff.d)}  D' ${show(diff.dPrime)}`;
}
