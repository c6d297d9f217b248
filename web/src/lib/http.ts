/**
 * JSON over HTTP with the session cookie, the only credential the browser holds. Errors carry the
 * status and the problem document's title and detail, so panels can say what went wrong.
 */

/** A failed API call. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    /** The problem document as sent, when there was one. */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Query string from values; undefined and empty values are left out, arrays repeat the key. */
export function queryString(
  params: Record<string, string | number | boolean | string[] | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { title?: string; detail?: string };
    const text = [body.title, body.detail].filter(Boolean).join(': ') || response.statusText;
    return new ApiError(response.status, text, body as Record<string, unknown>);
  } catch {
    return new ApiError(response.status, response.statusText);
  }
}

/** How long the page waits, in all, for the server to take a request it refused as too many (429). */
const BUSY_WAIT_MS = 120_000;

/** The wait a 429 asks for (its Retry-After, in seconds), at least half a second. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(500, seconds * 1000) : 1_000;
}

/**
 * Sends a request with a JSON body (if any); throws ApiError on a non-2xx status. A 429 (the user's
 * heavy requests or jobs at their cap, or the rate limit) is refused before any work is done, so it
 * is sent again after the wait the server asks for, for up to two minutes in all (a longer wait asked
 * for is not waited: the refusal is shown at once). A read answered 503 (Neo4j did not answer within
 * the read's deadline, as under a passing load) is asked twice more, after the wait asked for.
 */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const until = Date.now() + BUSY_WAIT_MS;
  let unavailable = 0;
  for (;;) {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.ok) return response;
    const wait = retryAfterMs(response);
    const again =
      response.status === 429 || (response.status === 503 && method === 'GET' && unavailable++ < 2);
    if (!again || Date.now() + wait > until) throw await problemOf(response);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Sends a request and parses the JSON answer; throws ApiError on a non-2xx status. */
export async function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends a request and returns the answer's bytes (a file); throws ApiError on a non-2xx status. */
export async function requestBlob(method: string, path: string, body?: unknown): Promise<Blob> {
  return (await send(method, path, body)).blob();
}

/** Sends a request and returns the answer's bytes as they came; throws ApiError on a non-2xx status. */
export async function requestBytes(method: string, path: string, body?: unknown): Promise<ArrayBuffer> {
  return (await send(method, path, body)).arrayBuffer();
}

/** Sends a request and returns the answer's bytes with its headers; throws ApiError on a non-2xx status. */
export async function requestFile(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ blob: Blob; headers: Headers }> {
  const response = await send(method, path, body);
  return { blob: await response.blob(), headers: response.headers };
}

/** GET as JSON. */
export function getJson<T>(path: string): Promise<T> {
  return requestJson<T>('GET', path);
}

/** POST as JSON. */
export function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return requestJson<T>('POST', path, body);
}
