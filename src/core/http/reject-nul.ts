// NUL characters have no place in any URL, query or form value we accept, and PostgreSQL text
// parameters cannot even carry them ("invalid byte sequence for encoding UTF8: 0x00"): such a
// request is refused as a whole with a 400 in our error format, before any route sees it.
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors.ts';

const invalid = () => badRequest('INVALID_CHARACTERS', '请求中含有无效字符（空字符），请检查后重试');

/** True when a parsed body (form or JSON) holds a NUL anywhere, keys included. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
  return false;
}

export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // %00 in any case, or a raw NUL byte that reached us undecoded.
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw invalid();
  });
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && !request.isMultipart() && containsNul(request.body)) throw invalid();
  });
}
