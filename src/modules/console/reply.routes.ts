// The reply page: GET shows the draft (or the approved reply), POST saves it (or adds a blank
// row, keeping everything typed), POST /act submits, returns or approves it. A failed form is
// shown again with the values typed and the errors next to their fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import { MAX_REPLY_ITEMS, REQUEST_VERBS, type ReplyItemInput, type RequestVerb } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canActOnRequest } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { ITEM_FIELDS, REPLY_VERBS, replyFormValues, ReplyPage } from './reply.pages.tsx';

const DONE: Record<string, string> = { saved: '答复稿已保存。', submitReply: '答复稿已提交公开办审核。', returnReply: '已退回承办单位。', approve: '答复已审定，并已生成答复告知书。' };
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');

/** The rows of the form (items.<n>.<field>), in order, without those marked for removal. */
export function itemsFromForm(values: FormValues): { items: ReplyItemInput[]; rows: number } {
  const rows = Math.min(MAX_REPLY_ITEMS, Math.max(0, Number(str(values.rows)) || 0));
  const items: ReplyItemInput[] = [];
  for (let n = 0; n < rows; n++) {
    if (str(values[`items.${n}.remove`])) continue;
    items.push(Object.fromEntries(ITEM_FIELDS.map((f) => [f, str(values[`items.${n}.${f}`])])) as ReplyItemInput);
  }
  return { items, rows };
}

/** The kept rows renumbered from 0, as the service will name them in its errors. */
function renumbered(opinion: string, items: ReplyItemInput[]): FormValues {
  const v: FormValues = { opinion };
  items.forEach((i, n) => ITEM_FIELDS.forEach((f) => { v[`items.${n}.${f}`] = i[f] ?? ''; }));
  return v;
}

function errorsOf(err: unknown, fallback: string): FieldErrorView[] {
  if (!(err instanceof AppError) || err.status >= 500 || [401, 403, 404].includes(err.status)) throw err;
  return err.fields.length ? err.fields.map((f) => ({ field: f.field, message: f.message })) : [{ field: fallback, message: err.message }];
}

export function registerReplyRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function show(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, id: string, opts: { values?: FormValues; extra?: FormValues; rows?: number; errors?: FieldErrorView[]; status?: number } = {}) {
    const [ctx, detail, view] = await Promise.all([pageContext(request, services), requests.get(actor, id), requests.replies.get(actor, id)]);
    const verbs = requests.availableVerbs(actor, { status: detail.status, agencyId: detail.agencyId, handlingDepartmentIds: detail.handlingDepartments.map((d) => d.id) })
      .filter((v) => REPLY_VERBS.includes(v));
    const done = (request.query as { done?: string }).done;
    const page = ReplyPage({
      ctx, trackingCode: detail.trackingCode, reply: view, verbs, values: opts.values ?? { ...replyFormValues(view), ...opts.extra }, errors: opts.errors ?? [],
      rows: opts.rows ?? view.items.length + 1, notice: done ? DONE[done] : undefined,
    });
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/requests/:id/reply', async (request, reply) => show(request, reply, staffActor(request), idOf(request)));

  // Role before form: the request (404 for another agency's), then whether the reply's verbs are the
  // user's (the handling department drafts, the office reviews); the service checks the state.
  const replyWorker = async (request: FastifyRequest) => {
    const actor = staffActor(request);
    const detail = await requests.get(actor, idOf(request));
    authorize(canActOnRequest(actor.user, detail, REPLY_VERBS), '只有承办单位或公开办可以办理答复稿');
    return { actor, detail };
  };

  app.post('/console/requests/:id/reply', async (request, reply) => {
    const { actor } = await replyWorker(request);
    const id = idOf(request);
    const { values } = await readForm(request);
    const { items } = itemsFromForm(values);
    const opinion = str(values.opinion);
    const kept = renumbered(opinion, items);
    if (str(values.action) === 'add') return show(request, reply, actor, id, { values: kept, rows: Math.min(MAX_REPLY_ITEMS, items.length + 1) });
    try {
      await requests.replies.saveDraft(actor, id, { opinion, items });
      return redirect(reply, `/console/requests/${encodeURIComponent(id)}/reply?done=saved`);
    } catch (err) {
      return show(request, reply, actor, id, { values: kept, rows: Math.max(1, items.length), errors: errorsOf(err, 'opinion'), status: 422 });
    }
  });

  app.post('/console/requests/:id/reply/act', async (request, reply) => {
    const { actor, detail } = await replyWorker(request);
    const id = idOf(request);
    const { values } = await readForm(request);
    const verb = str(values.verb) as RequestVerb;
    if (!REQUEST_VERBS.includes(verb) || !REPLY_VERBS.includes(verb)) throw notFound('没有这项操作');
    authorize(canActOnRequest(actor.user, detail, [verb]), '您不能对该申请执行此操作');
    const note = str(values[`note-${verb}`]).trim();
    try {
      await requests.act(actor, id, verb, { note });
      return redirect(reply, `/console/requests/${encodeURIComponent(id)}/reply?done=${verb}`);
    } catch (err) {
      const errors = errorsOf(err, `note-${verb}`).map((e) => (e.field === 'note' ? { ...e, field: `note-${verb}` } : e));
      return show(request, reply, actor, id, { extra: { [`note-${verb}`]: note }, errors, status: 422 });
    }
  });
}
