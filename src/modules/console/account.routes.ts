// "我的账号" (every staff user): login history and the TOTP enrolment. Enrolment is begun by a
// POST (a new secret is stored encrypted) and confirmed with a code from the authenticator.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView } from './console.layout.tsx';
import { AccountPage } from './account.pages.tsx';
import { pageContext, redirect } from './console.routes.ts';

const confirmForm = z.object({ code: z.string().trim().min(1, '请输入 6 位动态验证码').max(20) });

export function registerAccountRoutes(app: FastifyInstance, services: Services): void {
  const { accounts } = services;

  async function show(request: FastifyRequest, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, history, totp, pending] = await Promise.all([
      pageContext(request, services), accounts.loginHistory(actor), accounts.totpStatus(actor), accounts.pendingTotpEnrolment(actor),
    ]);
    return AccountPage({ ctx, history, totp, pending, errors, notice });
  }

  app.get('/console/account', async (request, reply) => {
    const q = request.query as { totp?: string };
    return sendPage(reply, await show(request, [], q.totp === 'enabled' ? '动态验证码已启用，下次登录时须输入。' : undefined));
  });

  app.post('/console/account/totp', async (request, reply) => {
    await accounts.beginTotpEnrolment(staffActor(request));
    return redirect(reply, '/console/account#totp');
  });

  app.post('/console/account/totp/confirm', async (request, reply) => {
    const actor = staffActor(request);
    const parsed = parseForm(confirmForm, (await readForm(request)).values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await accounts.confirmTotp(actor, parsed.data.code);
        return redirect(reply, '/console/account?totp=enabled');
      } catch (err) {
        errors = fieldErrorsOf(err, 'code');
      }
    }
    return sendPage(reply, await show(request, errors), 422);
  });
}
