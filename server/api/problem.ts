/** Errors as application/problem+json (RFC 9457), never with a stack trace. */
import type { NextFunction, Request, Response } from 'express';
import { isConnectionFailure, StoreUnavailableError } from '../store/store.ts';

/** One invalid field of a request: where it is (`body.name`, `query.limit`) and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error that carries its HTTP status and a message fit for the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    /** Seconds after which a retry may succeed, sent as Retry-After (429, 503). */
    readonly retryAfter?: number,
    /** Members the problem document carries besides the standard ones (RFC 9457 extensions). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Sends a problem document. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail?: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({
      ...extensions,
      type: 'about:blank',
      title,
      status,
      ...(detail ? { detail } : {}),
      ...(errors ? { errors } : {}),
    });
}

/** The last middleware: turns anything thrown into a problem document. */
export function problemHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.max(1, error.retryAfter)));
    sendProblem(res, error.status, error.message, undefined, error.errors, error.extensions);
    return;
  }
  if (error instanceof StoreUnavailableError || isDriverUnavailable(error)) {
    res.setHeader('Retry-After', '5');
    sendProblem(res, 503, 'Neo4j is unavailable', 'The graph database does not answer; try again shortly.');
    return;
  }
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Body-parser errors (413, 415, bad encoding) carry a status; their messages are safe to show.
    sendProblem(res, status, (error as Error).message || 'Bad request');
    return;
  }
  process.stderr.write(
    `ariadne: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  sendProblem(res, 500, 'Internal error', 'The request failed; the server log has the details.');
}

/** Whether an error means Neo4j did not answer (as opposed to refusing a query). */
export function isDriverUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return isConnectionFailure(error) || (typeof code === 'string' && code.startsWith('Neo.TransientError'));
}
