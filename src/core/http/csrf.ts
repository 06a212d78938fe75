// CSRF protection on every state-changing request. Signed-in staff use the token stored with
// their database session (synchroniser token); anonymous visitors (login, public forms) use a
// random token in an HttpOnly cookie echoed in the form (double submit). JSON requests without
// a session cookie cannot be forged cross-site (browsers preflight them), so only they skip it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook when a staff session is present. */
    sessionCsrfToken: string | null;
    /** The token to put in this response's forms. */
    csrfToken: string;
  }
}

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_FIELD = '_csrf';
export const SESSION_COOKIE = 'gk_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field) return String((field as { value: unknown }).value);
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.[CSRF_FIELD] === 'string' ? (query[CSRF_FIELD] as string) : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerCsrf(app: FastifyInstance, opts: { secureCookies: boolean }): void {
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('preHandler', async (request, reply) => {
    let anonymous = request.cookies[CSRF_COOKIE];
    if (!request.sessionCsrfToken && !anonymous) {
      anonymous = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, anonymous, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies });
    }
    request.csrfToken = request.sessionCsrfToken ?? anonymous ?? '';
    if (!UNSAFE.has(request.method)) return;
    const isJson = (request.headers['content-type'] ?? '').startsWith('application/json');
    if (isJson && !request.cookies[SESSION_COOKIE]) return;
    const expected = request.sessionCsrfToken ?? request.cookies[CSRF_COOKIE];
    const given = submittedToken(request);
    if (!expected || !given || !same(expected, given))
      throw new AppError(403, 'CSRF_INVALID', '页面已过期或来源无法验证，请刷新页面后重新提交');
  });
}
