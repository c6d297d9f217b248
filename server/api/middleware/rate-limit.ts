/**
 * Token buckets: each key (a session, or an address without one) holds up to `capacity` tokens and
 * regains `perSecond`; a request takes one, and without one it gets 429 with Retry-After.
 */
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from '../problem.ts';

export interface BucketOptions {
  capacity: number;
  perSecond: number;
  /** Keys remembered at most; the least recently seen are forgotten first. */
  maxKeys?: number;
}

/** A set of token buckets keyed by string. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly options: BucketOptions) {}

  /** Takes a token; returns 0 when granted, else the seconds until one is available. */
  take(key: string, now = Date.now()): number {
    const { capacity, perSecond, maxKeys = 50_000 } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    this.buckets.delete(key);
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}

/** A middleware that takes a token from the bucket `keyOf` names. */
export function rateLimit(
  options: BucketOptions,
  keyOf: (req: Request, res: Response) => string,
): RequestHandler {
  const buckets = new TokenBuckets(options);
  return (req, res, next) => {
    const wait = buckets.take(keyOf(req, res));
    if (wait > 0) throw new HttpError(429, 'Too many requests; slow down', undefined, wait);
    next();
  };
}
