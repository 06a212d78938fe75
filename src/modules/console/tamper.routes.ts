// /console/tamper: the tamper alerts of the user's agency (officer, leader), one alert on its own
// (?alert=ID, where the inbox links), the on-demand check, the resolution of an alert and the
// office's check of items the monitor baselined (who and how are recorded by the service).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import { canSeeTamperAlerts } from '../monitor/index.ts';
import { authorize } from '../../core/authz/authz.ts';
import { AppError } from '../../core/errors.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import { value, type FieldErrorView, type FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { TamperPage } from './tamper.pages.tsx';

const NOTICES: Record<string, string> = { check: '已安排检查，稍后刷新本页查看结果。', resolved: '已记录处理结果。', baseline: '已记录基线核对结果。' };

export function registerTamperRoutes(app: FastifyInstance, services: Services): void {
  async function page(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const q = request.query as FormValues;
    const all = value(q, 'all') === '1';
    const one = value(q, 'alert');
    const [ctx, alerts, baselines] = await Promise.all([
      pageContext(request, services),
      one ? services.tamper.alert(actor, one).then((a) => [a]) : services.tamper.alerts(actor, { open: !all }),
      services.tamper.baselines(actor),
    ]);
    const notice = NOTICES[value(q, 'done')];
    const page = TamperPage({ ctx, alerts, all, single: Boolean(one), baselines, canResolve: true, values: opts.values ?? {}, errors: opts.errors ?? [], notice });
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/tamper', async (request, reply) => page(request, reply, staffActor(request)));

  app.post('/console/tamper/check', async (request, reply) => {
    await services.tamper.requestCheck(staffActor(request));
    return redirect(reply, '/console/tamper?done=check');
  });

  app.post('/console/tamper/baselines/:itemId/confirm', async (request, reply) => {
    const actor = staffActor(request);
    const { itemId } = request.params as { itemId: string };
    try {
      await services.tamper.confirmBaseline(actor, itemId);
      return redirect(reply, '/console/tamper?done=baseline');
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      return page(request, reply, actor, { errors: [{ field: `baseline-${itemId}`, message: err.message }], status: 409 });
    }
  });

  app.post('/console/tamper/:id/resolve', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以处理网页防篡改告警');
    const { id } = request.params as { id: string };
    // The alert before the form: another agency's alert is 404 whatever was submitted.
    await services.tamper.alert(actor, id);
    const { values } = await readForm(request);
    try {
      await services.tamper.resolve(actor, id, { resolution: value(values, `resolution-${id}`), note: value(values, `note-${id}`) });
      return redirect(reply, '/console/tamper?done=resolved');
    } catch (err) {
      const errors = fieldErrorsOf(err, `note-${id}`, { resolution: `resolution-${id}`, note: `note-${id}` });
      return page(request, reply, actor, { values, errors, status: 422 });
    }
  });
}
