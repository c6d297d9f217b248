/**
 * Security headers through helmet, with a content security policy that allows scripts only from
 * this origin (no inline scripts, no CDN). CORS stays closed: no Access-Control headers are sent,
 * so browsers refuse cross-origin reads, unless origins are listed explicitly.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { REPORT_CSS } from '../../report/render/html-style.ts';

/**
 * The report's one inline stylesheet, allowed by its hash: the web app previews a report in a
 * sandboxed frame through `srcdoc`, and such a frame inherits this policy.
 */
export const REPORT_STYLE_SOURCE = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;

/** The content security policy's directives. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", REPORT_STYLE_SOURCE],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/** Helmet with Ariadne's policy. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
}

/** CORS for the origins listed (none by default: then nothing is sent). */
export function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        res.setHeader(
          'Access-Control-Allow-Headers',
          'Authorization, Content-Type, Idempotency-Key, X-Purpose',
        );
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/**
 * Keeps every API answer out of the browser's and any proxy's cache: what one user was shown must
 * not be on disk for the next user of the same browser after signing out, nor served to them.
 */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
