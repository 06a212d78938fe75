// NUL characters have no place in any URL we serve, and PostgreSQL text parameters cannot even
// carry them ("invalid byte sequence for encoding UTF8: 0x00"): a path or query with one is
// refused as a whole with a 400 in our error format, before any route sees it. Bodies are
// checked where they are read (apiRoute's parsing, the console's readForm, the upload readers),
// after the route has checked the role: the answer is a 422 that names each field holding a NUL,
// so nothing with one ever reaches the database, on either dialect.
import type { FastifyInstance } from 'fastify';
import { AppError, badRequest, type FieldError } from '../errors.ts';

const invalid = () => badRequest('INVALID_CHARACTERS', '请求中含有无效字符（空字符），请检查后重试');

const FIELD_MESSAGE = '含有无效字符（空字符），请删除后重新提交';

/** The fields of a parsed body (form, JSON, nested objects and arrays) whose name or text holds a NUL. */
export function nulFields(value: unknown, path: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || 'form'] : [];
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) out.push([...path, k.replaceAll('\u0000', '\ufffd')].join('.'));
    else out.push(...nulFields(v, [...path, k], depth + 1));
  }
  return out;
}

/** Throws 422 INVALID_CHARACTERS naming every field that holds a NUL; `prefix` as in "body.title". */
export function refuseNulFields(value: unknown, prefix?: string): void {
  const fields = nulFields(value, prefix ? [prefix] : []);
  if (!fields.length) return;
  const errors: FieldError[] = [...new Set(fields)].map((field) => ({ field, message: FIELD_MESSAGE }));
  throw new AppError(422, 'INVALID_CHARACTERS', `提交的内容${FIELD_MESSAGE}`, errors);
}

export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // %00 in any case, or a raw NUL byte that reached us undecoded.
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw invalid();
  });
}
