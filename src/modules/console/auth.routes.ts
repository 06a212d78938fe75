// Login, logout and password change. Account lockout and password rules live in the accounts
// service; these routes validate the form, present the outcome and limit sign-in POSTs per client
// address (issue 8 part 3: a lockout protects one account, the rate limit stops one address from
// guessing across many accounts).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { actorOf, clearSessionCookie, loginInput, setSessionCookie, staffUser } from '../accounts/index.ts';
import { LoginPage, PasswordPage, TotpLoginPage } from './auth.pages.tsx';
import { fieldErrorsOf, parseForm, readForm, safeNext } from './console.forms.ts';
import { pageContext, redirect } from './console.routes.ts';

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码'),
    newPassword: z.string().min(1, '请输入新密码'),
    confirmPassword: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的新密码不一致' });

const totpForm = z.object({ challenge: z.string().min(1).max(100), code: z.string().max(20) });

const LOGIN_ERRORS = new Set(['LOGIN_FAILED', 'LOGIN_THROTTLED', 'ACCOUNT_LOCKED', 'TOTP_INVALID', 'TOTP_REUSED', 'CHALLENGE_EXPIRED']);
/** Refusals after which the same challenge may be used with another code. */
const RETYPE_CODE = new Set(['TOTP_INVALID', 'TOTP_REUSED']);

const LOGIN_RATE_LIMITED = 'LOGIN_RATE_LIMITED';

export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const secure = services.config.isProduction && (services.config.publicUrl?.startsWith('https://') ?? false);
  // Counted in preHandler, after the form body is parsed, so the refusal page keeps the username.
  const rateLimit = {
    max: services.config.loginRatePerMinute,
    timeWindow: 60_000,
    hook: 'preHandler' as const,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new AppError(429, LOGIN_RATE_LIMITED, `登录尝试过于频繁，请在 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  };
  const bodyField = (request: FastifyRequest, name: string) => {
    const v = (request.body as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v.slice(0, 200) : undefined;
  };
  const loginRefused = async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (!(err instanceof AppError) || err.code !== LOGIN_RATE_LIMITED) throw err;
    const ctx = await pageContext(request, services);
    const next = safeNext((request.query as { next?: string }).next);
    const errors = [{ field: 'form', anchor: 'username', message: err.message }];
    return sendPage(reply, LoginPage({ ctx, values: { username: bodyField(request, 'username') }, errors, next }), 429);
  };
  const totpRefused = async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (!(err instanceof AppError) || err.code !== LOGIN_RATE_LIMITED) throw err;
    const challenge = bodyField(request, 'challenge');
    if (!challenge) return loginRefused(err, request, reply);
    const ctx = await pageContext(request, services);
    const next = safeNext((request.query as { next?: string }).next);
    return sendPage(reply, TotpLoginPage({ ctx, challenge, next, errors: [{ field: 'code', message: err.message }] }), 429);
  };

  app.get('/console/login', async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    if (request.user) return redirect(reply, next);
    const ctx = await pageContext(request, services);
    const notice = (request.query as { out?: string }).out ? '您已安全退出。' : undefined;
    return sendPage(reply, LoginPage({ ctx, values: {}, errors: [], next, notice }));
  });

  app.post('/console/login', { config: { rateLimit }, errorHandler: loginRefused }, async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    const { values } = await readForm(request);
    const parsed = parseForm(loginInput, values);
    let errors;
    if (parsed.ok) {
      try {
        const step = await services.accounts.beginLogin(parsed.data, request.ip, request.headers['user-agent'] ?? '');
        if (step.kind === 'secondFactor') {
          const ctx = await pageContext(request, services);
          return sendPage(reply, TotpLoginPage({ ctx, challenge: step.challenge, next, errors: [] }));
        }
        setSessionCookie(reply, step.token, secure);
        return redirect(reply, next);
      } catch (err) {
        if (!(err instanceof AppError) || !LOGIN_ERRORS.has(err.code)) throw err;
        // Both messages belong to the whole form, not to one field; the summary links to username.
        errors = [{ field: 'form', anchor: 'username', message: err.message }];
        const ctx = await pageContext(request, services);
        return sendPage(reply, LoginPage({ ctx, values: { username: values.username }, errors, next }), err.status);
      }
    }
    const ctx = await pageContext(request, services);
    return sendPage(reply, LoginPage({ ctx, values: { username: values.username }, errors: parsed.errors, next }), 422);
  });

  app.post('/console/login/totp', { config: { rateLimit }, errorHandler: totpRefused }, async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    const { values } = await readForm(request);
    const parsed = parseForm(totpForm, values);
    if (!parsed.ok) return redirect(reply, '/console/login');
    try {
      const { token } = await services.accounts.completeSecondFactor(parsed.data.challenge, parsed.data.code, request.ip, request.headers['user-agent'] ?? '');
      setSessionCookie(reply, token, secure);
      return redirect(reply, next);
    } catch (err) {
      if (!(err instanceof AppError) || !LOGIN_ERRORS.has(err.code)) throw err;
      const ctx = await pageContext(request, services);
      // A wrong or used code may be retyped with the same challenge; an expired one starts over.
      if (!RETYPE_CODE.has(err.code)) return sendPage(reply, LoginPage({ ctx, values: {}, errors: [{ field: 'form', anchor: 'username', message: err.message }], next }), err.status);
      return sendPage(reply, TotpLoginPage({ ctx, challenge: parsed.data.challenge, next, errors: [{ field: 'code', message: err.message }] }), err.status);
    }
  });

  app.post('/console/logout', async (request, reply) => {
    if (request.sessionTokenHash) await services.accounts.logout(actorOf(request), request.sessionTokenHash);
    clearSessionCookie(reply);
    return redirect(reply, '/console/login?out=1');
  });

  app.get('/console/password', async (request, reply) => {
    const user = staffUser(request);
    const ctx = await pageContext(request, services);
    const notice = (request.query as { done?: string }).done ? '密码已修改。' : undefined;
    return sendPage(reply, PasswordPage({ ctx, errors: [], forced: user.mustChangePassword, notice }));
  });

  app.post('/console/password', async (request, reply) => {
    const user = staffUser(request);
    const { values } = await readForm(request);
    const parsed = parseForm(passwordForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await services.accounts.changePassword(actorOf(request), user.id, parsed.data.currentPassword, parsed.data.newPassword);
        return redirect(reply, user.mustChangePassword ? '/console' : '/console/password?done=1');
      } catch (err) {
        errors = fieldErrorsOf(err, 'newPassword');
      }
    }
    const ctx = await pageContext(request, services);
    return sendPage(reply, PasswordPage({ ctx, errors, forced: user.mustChangePassword }), 422);
  });
}
