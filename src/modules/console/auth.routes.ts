// Login, logout and password change. Login throttling and password rules live in the accounts
// service; these routes only validate the form and present the outcome.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { actorOf, clearSessionCookie, loginInput, setSessionCookie, staffUser } from '../accounts/index.ts';
import { LoginPage, PasswordPage } from './auth.pages.tsx';
import { fieldErrorsOf, parseForm, readForm, safeNext } from './console.forms.ts';
import { pageContext, redirect } from './console.routes.ts';

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码'),
    newPassword: z.string().min(1, '请输入新密码'),
    confirmPassword: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的新密码不一致' });

export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const secure = services.config.isProduction && (services.config.publicUrl?.startsWith('https://') ?? false);

  app.get('/console/login', async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    if (request.user) return redirect(reply, next);
    const ctx = await pageContext(request, services);
    const notice = (request.query as { out?: string }).out ? '您已安全退出。' : undefined;
    return sendPage(reply, LoginPage({ ctx, values: {}, errors: [], next, notice }));
  });

  app.post('/console/login', async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    const { values } = await readForm(request);
    const parsed = parseForm(loginInput, values);
    let errors;
    if (parsed.ok) {
      try {
        const { token } = await services.accounts.login(parsed.data, request.ip, request.headers['user-agent'] ?? '');
        setSessionCookie(reply, token, secure);
        return redirect(reply, next);
      } catch (err) {
        if (!(err instanceof AppError) || (err.code !== 'LOGIN_FAILED' && err.code !== 'LOGIN_THROTTLED')) throw err;
        // Both messages belong to the whole form, not to one field; the summary links to username.
        errors = [{ field: 'form', anchor: 'username', message: err.message }];
        const ctx = await pageContext(request, services);
        return sendPage(reply, LoginPage({ ctx, values: { username: values.username }, errors, next }), err.status);
      }
    }
    const ctx = await pageContext(request, services);
    return sendPage(reply, LoginPage({ ctx, values: { username: values.username }, errors: parsed.errors, next }), 422);
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
