/**
 * JSON request bodies, read strictly: at most 1 MB (48 MB for a view export, which names its records), nested at most 32 levels, no key twice in one
 * object. The raw text is scanned without recursion before JSON.parse sees it, so a 10,000-deep
 * document is a 400, not a stack overflow, and `{"role":"viewer","role":"admin"}` is refused rather
 * than silently taking the last value.
 */
import express, { type RequestHandler } from 'express';
import { HttpError } from '../problem.ts';

export const JSON_LIMITS = { bytes: '1mb', viewExportBytes: '48mb', depth: 32 };

/** Finds what makes a JSON text unacceptable beyond its syntax: too deep, or a duplicate key. */
export function checkJsonShape(text: string, maxDepth: number): string | null {
  const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return 'a key is not a valid JSON string';
        }
        if (top.keys.has(key)) return `the key ${JSON.stringify(key)} appears twice in one object`;
        top.keys.add(key);
        top.expectKey = false;
      }
    } else if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) return `it is nested deeper than ${maxDepth} levels`;
      stack.push({ keys: c === '{' ? new Set() : null, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
    }
  }
  return null;
}

/** Parses a JSON text under the limits; throws a 400 that says what is wrong. */
export function parseJsonStrict(text: string, maxDepth = JSON_LIMITS.depth): unknown {
  const shape = checkJsonShape(text, maxDepth);
  if (shape) throw new HttpError(400, `The JSON body is refused: ${shape}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The body parser for JSON requests; other bodies are left unread (and fail validation). */
export function jsonBody(limit: string = JSON_LIMITS.bytes): RequestHandler[] {
  return [
    express.raw({ type: ['application/json', 'application/*+json'], limit }),
    (req, _res, next) => {
      if (Buffer.isBuffer(req.body)) {
        const text = req.body.toString('utf8');
        req.body = text.trim() === '' ? undefined : parseJsonStrict(text);
      } else {
        req.body = undefined;
      }
      next();
    },
  ];
}
