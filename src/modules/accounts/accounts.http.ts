// The session hook (cookie → signed-in user) and the actor helpers every route uses.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/audit/audit.ts';
import { requirePrincipal } from '../../core/authz/authz.ts';
import { SESSION_COOKIE } from '../../core/http/csrf.ts';
import type { AccountsService } from './accounts.service.ts';
import { SESSION_MAX_MS } from './login.service.ts';
import type { SessionUser } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  }
}

export function registerSessionHook(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await accounts.authenticate(token);
    if (!session) return;
    request.user = session.user;
    request.sessionCsrfToken = session.csrfToken;
    request.sessionTokenHash = session.tokenHash;
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_MAX_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in staff member, or 401. */
export function staffUser(request: FastifyRequest): SessionUser {
  return requirePrincipal(request.user);
}

/** Who did it, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  const u = request.user;
  return { id: u?.id ?? null, name: u ? `${u.displayName}(${u.username})` : '公众', agencyId: u?.agencyId ?? null, ip: request.ip };
}

/** A signed-in staff member acting through a request: what staff use cases take as `actor`. */
export interface StaffActor {
  user: SessionUser;
  ip: string;
}

export function staffActor(request: FastifyRequest): StaffActor {
  return { user: staffUser(request), ip: request.ip };
}

/** The audit log's view of a staff actor. */
export function auditActor(actor: StaffActor): Actor {
  const u = actor.user;
  return { id: u.id, name: `${u.displayName}(${u.username})`, agencyId: u.agencyId, ip: actor.ip };
}
