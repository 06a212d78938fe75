// 互动交流 routes. The forms follow /apply: CSRF, a per-IP rate limit, a honeypot, a signed
// minimum fill time and an idempotency key per rendering (a double click makes one message), and
// a receipt link signed so that only the submitter's browser gets the receipt page. The Q&A list
// is read-only and shows only answers published with the asker's consent, masked.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { loadSecretKey } from '../../core/crypto/secret-key.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/time/clock.ts';
import { MESSAGE_KINDS, messageInput, type MessageKind, type ParticipationService } from '../participation/index.ts';
import { checkFormStamp, formStamp } from './apply.tokens.ts';
import { portalHref } from './components.tsx';
import type { FieldError, FormValues } from './form-fields.tsx';
import { AnswerPage, AnswersPage, FORM_KINDS, InteractHomePage, MessageFormPage, MessageReceiptPage, MessageTrackPage, type FormSlug } from './interact.pages.tsx';
import { agencyQuery, idParams, pageQuery } from './portal.schemas.ts';
import type { PortalService } from './portal.service.ts';

export interface InteractDeps {
  config: Config;
  clock: Clock;
  participation: ParticipationService;
}

const PAGE_SIZE = 20;
const FIELD_ORDER = ['askerName', 'phone', 'email', 'subject', 'content', 'consentToPublish'];
const STAMP_MESSAGES = {
  tooFast: '提交过快，系统无法确认是本人填写。请核对内容后再次点击“提交留言”。',
  expired: '页面打开时间过长（超过 2 小时），请核对内容后重新提交。',
  invalid: '页面已过期，请核对内容后重新提交。',
} as const;

function text(values: Record<string, unknown>, name: string, max = 5000): string {
  const v = values[name];
  return (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').slice(0, max);
}

function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const name of ['askerName', 'phone', 'email', 'subject', 'content', 'formStamp', 'website', 'agency']) out[name] = text(body, name);
  const consent = body.consentToPublish;
  out.consentToPublish = (Array.isArray(consent) ? consent : [consent]).includes('1') ? '1' : undefined;
  return out;
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(`message-receipt\n${payload}`).digest('base64url');
}

export function registerInteractRoutes(app: FastifyInstance, deps: InteractDeps, portal: PortalService): void {
  const key = loadSecretKey(deps.config);
  const newStamp = () => formStamp(key, deps.clock.now().getTime(), newId());
  const requireCtx = (request: FastifyRequest) => {
    if (!request.portal) throw notFound();
    return request.portal;
  };

  app.get('/interact', { config: { portal: true } }, async (request, reply) => sendPage(reply.header('cache-control', 'public, max-age=60'), InteractHomePage({ ctx: requireCtx(request) })));

  for (const slug of Object.keys(FORM_KINDS) as FormSlug[]) {
    const kind = FORM_KINDS[slug];
    const show = (reply: FastifyReply, request: FastifyRequest, opts: { values: FormValues; errors: FieldError[]; stamp: string; formMessage?: string }, status: number) =>
      sendPage(reply.header('cache-control', 'no-store'), MessageFormPage({ ctx: request.portal!, slug, csrf: request.csrfToken, ...opts }), status);

    app.get(`/interact/${slug}/new`, { config: { portal: true } }, async (request, reply) => {
      requireCtx(request);
      return show(reply, request, { values: {}, errors: [], stamp: newStamp() }, 200);
    });

    app.post(`/interact/${slug}/new`, { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
      const values = formValues((request.body ?? {}) as Record<string, unknown>);
      const ctx = await portal.context(agencyQuery.parse({ agency: values.agency || undefined }).agency);
      request.portal = ctx;
      const stampValue = String(values.formStamp ?? '');
      const again = (errors: FieldError[], stamp: string, formMessage?: string) => show(reply, request, { values: { ...values, website: undefined }, errors, stamp, formMessage }, 422);
      // A person never sees the honeypot; anything typed there came from a robot.
      if (String(values.website ?? '').trim()) return again([], newStamp(), '提交未成功：表单中的一个隐藏字段被填写了。请刷新页面后重新填写。');
      const stamp = checkFormStamp(key, stampValue, deps.clock.now().getTime());
      if (!stamp.ok) return again([], stamp.reason === 'tooFast' ? stampValue : newStamp(), STAMP_MESSAGES[stamp.reason]);
      const input = { kind, askerName: values.askerName, phone: values.phone, email: values.email, subject: values.subject, content: values.content, consentToPublish: values.consentToPublish === '1' };
      const parsed = messageInput.safeParse(input);
      const toErrors = (fields: { field: string; message: string }[]) =>
        fields.filter((f, i) => fields.findIndex((g) => g.field === f.field) === i).sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
      if (!parsed.success) return again(toErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'content'), message: i.message }))), stampValue);
      try {
        const receipt = await deps.participation.submit({ ...parsed.data, agencyId: ctx.agency.id, idempotencyKey: stamp.idempotencyKey }, request.ip);
        const payload = `${receipt.kind}.${receipt.receivedOn}.${receipt.replyDueOn}`;
        return reply.code(303).header('location', portalHref(ctx, `/interact/receipt/${encodeURIComponent(receipt.trackingCode)}`, { k: `${payload}.${sign(key, `${receipt.trackingCode}.${payload}`)}` })).send();
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 422) throw err;
        return again(toErrors(err.fields.length ? err.fields : [{ field: 'content', message: err.message }]), stampValue);
      }
    });
  }

  app.get('/interact/receipt/:trackingCode', { config: { portal: true } }, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const k = String((request.query as { k?: unknown }).k ?? '');
    const [kind, receivedOn, replyDueOn, signature] = k.split('.');
    const expected = sign(key, `${trackingCode}.${kind}.${receivedOn}.${replyDueOn}`);
    const valid = signature !== undefined && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    if (!valid || !MESSAGE_KINDS.includes(kind as MessageKind)) throw notFound('回执链接无效。请使用查询码和联系电话后四位查询。');
    return sendPage(reply.header('cache-control', 'no-store'), MessageReceiptPage({ ctx: requireCtx(request), trackingCode, kind: kind as MessageKind, receivedOn, replyDueOn }));
  });

  app.get('/interact/track', { config: { portal: true } }, async (request, reply) => {
    const code = text((request.query ?? {}) as Record<string, unknown>, 'code', 40);
    return sendPage(reply.header('cache-control', 'no-store'), MessageTrackPage({ ctx: requireCtx(request), csrf: request.csrfToken, values: { code }, errors: [], view: null }));
  });

  app.post('/interact/track', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const ctx = await portal.context(agencyQuery.parse(request.query ?? {}).agency);
    request.portal = ctx;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormValues = { code: text(body, 'code', 40).trim().toUpperCase(), phoneLast4: text(body, 'phoneLast4', 8).trim() };
    const errors: FieldError[] = [];
    if (!values.code) errors.push({ field: 'code', message: '请输入查询码' });
    if (!/^\d{4}$/.test(String(values.phoneLast4))) errors.push({ field: 'phoneLast4', message: '请输入联系电话的后四位数字' });
    reply.header('cache-control', 'no-store');
    if (!errors.length) {
      try {
        const view = await deps.participation.track(String(values.code), String(values.phoneLast4));
        return sendPage(reply, MessageTrackPage({ ctx, csrf: request.csrfToken, values, errors: [], view }));
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 404) throw err;
        errors.push({ field: 'code', message: '查询码或联系电话后四位不正确，请核对后重新输入' });
      }
    }
    return sendPage(reply, MessageTrackPage({ ctx, csrf: request.csrfToken, values, errors, view: null }), 422);
  });

  app.get('/interact/answers', { config: { portal: true } }, async (request, reply) => {
    const ctx = requireCtx(request);
    const q = text((request.query ?? {}) as Record<string, unknown>, 'q', 50).trim();
    const page = pageQuery.parse(request.query ?? {}).page;
    const { rows, total } = await deps.participation.publicAnswers(ctx.agency.id, q, page, PAGE_SIZE);
    return sendPage(reply.header('cache-control', 'public, max-age=60'), AnswersPage({ ctx, q, page, rows, total, pageSize: PAGE_SIZE }));
  });

  app.get('/interact/answers/:id', { config: { portal: true } }, async (request, reply) => {
    const ctx = requireCtx(request);
    const parsed = idParams.safeParse(request.params);
    const answer = parsed.success ? await deps.participation.publicAnswer(parsed.data.id) : null;
    if (!answer) throw notFound('该留言不存在或未公开');
    return sendPage(reply.header('cache-control', 'public, max-age=60'), AnswerPage({ ctx: await portal.contextOf(answer.agencyId, ctx), answer }));
  });
}
