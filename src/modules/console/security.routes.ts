// The security administrator's routes (三员分立): accounts and sessions overview, one account's
// roles, unlock, password and second-factor resets, forced sign-out. The services check the role
// again; here the target account is looked up first so that another agency's user is a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { notFound, validationFailed } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { canManageSecurity, passwordProblem, ROLES, staffActor, temporaryPassword, type StaffActor } from '../accounts/index.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { SecurityPage, SecurityUserPage, type SecurityUserView } from './security.pages.tsx';

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const rolesForm = z.object({ roles: z.preprocess(asArray, z.array(z.enum(ROLES, { message: '角色无效' })).min(1, '至少选择一个角色')) });
const revokeForm = z.object({
  tokenHash: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/).optional(),
  userId: z.string().regex(/^[A-Za-z0-9]{10,40}$/).optional(),
  back: z.string().optional(),
}).refine((v) => Boolean(v.tokenHash) !== Boolean(v.userId), { message: '请选择要结束的会话' });

const NOTICES: Record<string, string> = {
  roles: '角色已更新，下次请求起生效。',
  unlocked: '已解除锁定。',
  totp: '动态验证码已重置，用户可重新绑定。',
  revoked: '已强制下线。',
};

/** Only the security pages themselves are valid places to return to. */
const safeBack = (back: string | undefined) => (back && /^\/console\/security(\/users\/[A-Za-z0-9]{10,40})?$/.test(back) ? back : '/console/security');

export function registerSecurityRoutes(app: FastifyInstance, services: Services): void {
  const { accounts } = services;

  function securityActor(request: FastifyRequest): StaffActor {
    const actor = staffActor(request);
    authorize(canManageSecurity(actor.user), '仅安全管理员可办理账号安全事项（三员分立）');
    return actor;
  }

  async function agencyUsers(actor: StaffActor): Promise<SecurityUserView[]> {
    const now = services.clock.now().getTime();
    return (await accounts.users(actor.user.agencyId)).map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, departmentName: u.departmentName, roles: u.roles, active: u.active,
      lockedUntil: u.lockedUntil ?? null, locked: Boolean(u.lockedUntil && Date.parse(u.lockedUntil) > now), totpEnabled: Boolean(u.totpEnabledAt),
    }));
  }

  /** The account, in the administrator's own agency (else 404, as for any other agency's record). */
  async function target(actor: StaffActor, id: string): Promise<SecurityUserView> {
    const user = (await agencyUsers(actor)).find((u) => u.id === id);
    if (!user) throw notFound('用户不存在');
    return user;
  }

  async function showUser(request: FastifyRequest, actor: StaffActor, user: SecurityUserView, opts: { values?: FormValues; errors?: FieldErrorView[]; notice?: string; temporaryPassword?: string } = {}) {
    const [ctx, sessions] = await Promise.all([pageContext(request, services), accounts.activeSessions(actor)]);
    return SecurityUserPage({
      ctx, user, sessions: sessions.filter((s) => s.userId === user.id), values: opts.values ?? { roles: user.roles },
      errors: opts.errors ?? [], notice: opts.notice, temporaryPassword: opts.temporaryPassword,
    });
  }

  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const done = (id: string, what: string) => `/console/security/users/${id}?done=${what}`;

  app.get('/console/security', async (request, reply) => {
    const actor = securityActor(request);
    const [ctx, users, sessions] = await Promise.all([pageContext(request, services), agencyUsers(actor), accounts.activeSessions(actor)]);
    const q = request.query as { done?: string };
    return sendPage(reply, SecurityPage({ ctx, users, sessions, notice: q.done ? NOTICES[q.done] : undefined }));
  });

  app.get('/console/security/users/:id', async (request, reply) => {
    const actor = securityActor(request);
    const user = await target(actor, idOf(request));
    const q = request.query as { done?: string };
    return sendPage(reply, await showUser(request, actor, user, { notice: q.done ? NOTICES[q.done] : undefined }));
  });

  app.post('/console/security/users/:id/roles', async (request, reply) => {
    const actor = securityActor(request);
    const user = await target(actor, idOf(request));
    const { values } = await readForm(request);
    const parsed = parseForm(rolesForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await accounts.setRoles(actor, user.id, parsed.data.roles);
        return redirect(reply, done(user.id, 'roles'));
      } catch (err) {
        errors = fieldErrorsOf(err, 'roles', { ROLES_NOT_SEPARATED: 'roles', NOT_ON_SELF: 'roles' });
      }
    }
    return sendPage(reply, await showUser(request, actor, user, { values, errors }), 422);
  });

  app.post('/console/security/users/:id/unlock', async (request, reply) => {
    const actor = securityActor(request);
    const user = await target(actor, idOf(request));
    await accounts.unlock(actor, user.id);
    return redirect(reply, done(user.id, 'unlocked'));
  });

  /** Identity is checked before any reset: the administrator confirms it on the form. */
  const verifiedField = async (request: FastifyRequest, name: string) => {
    const { values } = await readForm(request);
    return asArray(values[name]).includes('1');
  };
  const notVerified = (name: string) => [{ field: name, message: '请先核实用户本人身份并勾选确认' }];

  app.post('/console/security/users/:id/password', async (request, reply) => {
    const actor = securityActor(request);
    const user = await target(actor, idOf(request));
    if (!(await verifiedField(request, 'verified'))) return sendPage(reply, await showUser(request, actor, user, { errors: notVerified('verified') }), 422);
    let temporary = temporaryPassword();
    while (passwordProblem(temporary, user.username)) temporary = temporaryPassword();
    try {
      await accounts.resetPassword(actor, user.id, temporary);
    } catch (err) {
      return sendPage(reply, await showUser(request, actor, user, { errors: fieldErrorsOf(err, 'verified', { password: 'verified' }) }), 422);
    }
    // The page carries the only copy of the temporary password: no cache may keep it.
    reply.header('cache-control', 'no-store');
    return sendPage(reply, await showUser(request, actor, user, { notice: '密码已重置，该用户的全部会话已结束。', temporaryPassword: temporary }));
  });

  app.post('/console/security/users/:id/totp-reset', async (request, reply) => {
    const actor = securityActor(request);
    const user = await target(actor, idOf(request));
    if (!(await verifiedField(request, 'verifiedTotp'))) return sendPage(reply, await showUser(request, actor, user, { errors: notVerified('verifiedTotp') }), 422);
    await accounts.resetTotp(actor, user.id);
    return redirect(reply, done(user.id, 'totp'));
  });

  app.post('/console/security/sessions/revoke', async (request, reply) => {
    const actor = securityActor(request);
    const parsed = parseForm(revokeForm, (await readForm(request)).values);
    if (!parsed.ok) throw validationFailed(parsed.errors);
    const { tokenHash, userId, back } = parsed.data;
    await accounts.revokeSession(actor, tokenHash ? { tokenHash } : { userId: userId! });
    const to = safeBack(back);
    return redirect(reply, `${to}${to.includes('?') ? '&' : '?'}done=revoked`);
  });
}
