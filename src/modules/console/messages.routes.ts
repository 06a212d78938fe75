// Routes of the console's message inbox (/console/messages) and a message's record page with its
// actions. Each POST calls one participation use case and comes back to the record page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { sendPage } from '../../core/http/render.ts';
import { hasRole, staffActor, type SessionUser, type StaffActor } from '../accounts/index.ts';
import { canDraftAnswer, canManageMessages, canSeeMessages, canTransition, type MessageStatus } from '../participation/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import { value, type FieldErrorView, type FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { messageHref, MessageRecordPage, MessagesListPage } from './messages.pages.tsx';

const LIST_STATUSES = ['open', 'answered', 'invalid'] as const;

export function registerMessagesRoutes(app: FastifyInstance, services: Services): void {
  const { participation } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function record(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const [ctx, m] = await Promise.all([pageContext(request, services), participation.get(actor, idOf(request))]);
    const manager = canManageMessages(actor.user);
    const departments = (await services.accounts.departments(actor.user.agencyId)).map((d) => ({ id: d.id, name: d.name }));
    const actions = {
      route: manager && canTransition('route', m.status),
      draft: canDraftAnswer(actor.user, m) && canTransition('draft', m.status),
      approve: manager && canTransition('approve', m.status),
      invalid: manager && canTransition('markInvalid', m.status),
    };
    const notice = (request.query as { done?: string }).done ? '已保存。' : undefined;
    return sendPage(reply, MessageRecordPage({ ctx, m, departments, actions, values: opts.values ?? {}, errors: opts.errors ?? [], notice }), opts.status ?? 200);
  }

  app.get('/console/messages', async (request, reply) => {
    const actor = staffActor(request);
    const raw = value(request.query as FormValues, 'status');
    const status = (LIST_STATUSES as readonly string[]).includes(raw) ? (raw as (typeof LIST_STATUSES)[number]) : 'open';
    const items = await participation.list(actor, { status: status as MessageStatus | 'open' });
    const summary = hasRole(actor.user, 'officer', 'leader') ? await participation.inspectionSummary(actor.user.agencyId) : null;
    return sendPage(reply, MessagesListPage({ ctx: await pageContext(request, services), items, summary, status }));
  });

  // Role before the record: the roles that see no messages get 403; a department's member sees the
  // messages routed to it. Another department's message answers 403 once published (its existence
  // is public) and 404 before (participation.service load).
  app.get('/console/messages/:id', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeMessages(actor.user), '您不能查看留言');
    return record(request, reply, actor);
  });

  /** One POST action: run it, then back to the record page (or the form again with the errors). */
  // Role before form: `may` is the role part of the use case (participation.policy); the message's
  // department and status are checked when acting.
  const action = (path: string, may: (user: SessionUser) => boolean, run: (actor: StaffActor, id: string, values: FormValues) => Promise<void>, fallbackField: string) =>
    app.post(`/console/messages/:id/${path}`, async (request, reply) => {
      const actor = staffActor(request);
      authorize(may(actor.user), '您不能对该留言执行此操作');
      const { values } = await readForm(request);
      try {
        await run(actor, idOf(request), values);
        return redirect(reply, `${messageHref(idOf(request))}?done=1`);
      } catch (err) {
        return record(request, reply, actor, { values, errors: fieldErrorsOf(err, fallbackField), status: 422 });
      }
    });

  /** The office answers directly; a department drafts the answers routed to it. */
  const mayDraft = (user: SessionUser) => hasRole(user, 'officer', 'drafter', 'departmentHead');
  action('route', canManageMessages, (actor, id, v) => participation.route(actor, id, value(v, 'departmentId')), 'departmentId');
  action('draft', mayDraft, (actor, id, v) => participation.draft(actor, id, { answer: value(v, 'answer') }), 'answer');
  action('approve', canManageMessages, (actor, id) => participation.approve(actor, id), 'answer');
  action('return', canManageMessages, (actor, id) => participation.returnDraft(actor, id), 'answer');
  action('invalid', canManageMessages, (actor, id, v) => participation.markInvalid(actor, id, { reason: value(v, 'reason') }), 'reason');
}
