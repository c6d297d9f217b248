/** What every normaliser returns: the canonical value, or a message that says what is wrong and the fix. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; message: string };

/** Wraps a canonical value. */
export function accept<T>(value: T): Normalised<T> {
  return { ok: true, value };
}

/** Wraps an error message (what is wrong, then how to fix it). */
export function reject<T = never>(message: string): Normalised<T> {
  return { ok: false, message };
}

/** Quotes a value for an error message, shortened so a huge input never floods a report. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
