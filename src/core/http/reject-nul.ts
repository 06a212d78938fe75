// NUL characters have no place in any URL we serve, and PostgreSQL text parameters cannot even
// carry them ("invalid byte sequence for encoding UTF8: 0x00"): a path or query with one is
// refused as a whole with a 400 in our error format, before any route sees it. Bodies are left
// to the forms' own validation, which puts the message by the field (a person sees what to fix,
// not a bare 400).
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors.ts';

const invalid = () => badRequest('INVALID_CHARACTERS', '请求中含有无效字符（空字符），请检查后重试');

export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // %00 in any case, or a raw NUL byte that reached us undecoded.
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw invalid();
  });
}
