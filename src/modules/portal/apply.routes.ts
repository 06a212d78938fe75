// /apply: the online application form, its submission and the printable receipt. Abuse
// controls (issue 3, "Durability and abuse"): a per-IP rate limit, a honeypot field, a signed
// minimum fill time, and an idempotency key per rendering of the form so that a double click or
// a browser retry creates one request and shows the same receipt.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { loadSecretKey } from '../../core/crypto/secret-key.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { ApplicationFile, ApplicationFilePurpose, DeliveryService, RequestsService } from '../requests/index.ts';
import { ApplyPage, ReceiptPage } from './apply.pages.tsx';
import { formFieldOf, parseApplication, sortErrors } from './apply.schemas.ts';
import { checkFormStamp, formStamp, readReceiptToken, receiptToken } from './apply.tokens.ts';
import type { FieldError, FormValues } from './form-fields.tsx';
import { portalHref } from './components.tsx';
import { agencyQuery } from './portal.schemas.ts';
import type { PortalContext, PortalService } from './portal.service.ts';

export interface RequestPagesDeps {
  config: Config;
  clock: Clock;
  requests: RequestsService;
  /** /track: the reply's downloads behind signed, expiring links. */
  delivery: Pick<DeliveryService, 'trackDownloads' | 'openDownload'>;
}

/** Field values longer than this were cut by the multipart parser: always an error. */
const FIELD_SIZE_LIMIT = 64 * 1024;

interface ReadResult {
  values: FormValues;
  errors: FieldError[];
  files: ApplicationFile[];
}

/** The file inputs of the form and what each holds. */
const FILE_FIELDS: Record<string, ApplicationFilePurpose> = { idScan: 'idScan', authorisation: 'authorisation' };

/**
 * Reads the multipart (or url-encoded) form; oversized fields and files become field errors.
 * The service checks the files' types by content.
 */
async function readApplyForm(request: FastifyRequest): Promise<ReadResult> {
  const out: ReadResult = { values: {}, errors: [], files: [] };
  const add = (name: string, v: string) => {
    const prev = out.values[name];
    out.values[name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (!request.isMultipart()) {
    for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(v)) v.forEach((x) => add(k, String(x)));
      else if (v !== undefined && v !== null) add(k, String(v));
    }
    return out;
  }
  for await (const part of request.parts({ limits: { fieldSize: FIELD_SIZE_LIMIT } })) {
    if (part.type === 'file') {
      const purpose = FILE_FIELDS[part.fieldname];
      if (!purpose || !part.filename) {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer().catch(() => null);
      if (!bytes || part.file.truncated) out.errors.push({ field: 'files', message: `文件“${part.filename}”过大或上传不完整` });
      else out.files.push({ purpose, filename: part.filename, bytes });
      continue;
    }
    if (!part.valueTruncated) add(part.fieldname, String(part.value ?? ''));
    else if (!out.errors.some((e) => e.field === part.fieldname)) out.errors.push({ field: part.fieldname, message: '填写的内容过长，请精简后再提交' });
  }
  return out;
}

const STAMP_MESSAGES = {
  tooFast: '提交过快，系统无法确认是本人填写。请核对内容后再次点击“提交申请”。',
  expired: '页面打开时间过长（超过 2 小时），为保护您的信息，请核对内容后重新提交。',
  invalid: '页面已过期，请核对内容后重新提交。',
} as const;

export function registerApplyRoutes(app: FastifyInstance, deps: RequestPagesDeps, portal: PortalService): void {
  const key = loadSecretKey(deps.config);
  const newStamp = () => formStamp(key, deps.clock.now().getTime(), newId());

  function form(reply: FastifyReply, request: FastifyRequest, ctx: PortalContext, opts: { values: FormValues; errors: FieldError[]; stamp: string; formMessage?: string; filesDropped?: boolean }, status: number) {
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ApplyPage({ ctx, csrf: request.csrfToken, maxUploadMb: Math.floor(deps.config.maxUploadBytes / 1048576), ...opts }), status);
  }

  app.get('/apply', { config: { portal: true } }, async (request, reply) => {
    if (!request.portal) throw notFound();
    return form(reply, request, request.portal, { values: { applicantKind: 'person', idType: 'residentId', kind: 'disclosure' }, errors: [], stamp: newStamp() }, 200);
  });

  app.post('/apply', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const read = await readApplyForm(request);
    const ctx = await portal.context(agencyQuery.parse(read.values).agency);
    request.portal = ctx;
    const { values } = read;
    const stampValue = typeof values.formStamp === 'string' ? values.formStamp : '';
    // Browsers never re-fill file inputs: if the form comes back, the files must be chosen again.
    const filesDropped = read.files.length > 0;
    const again = (errors: FieldError[], stamp: string, formMessage?: string) =>
      form(reply, request, ctx, { values: { ...values, website: undefined }, errors, stamp, formMessage, filesDropped }, 422);

    // A person never sees the honeypot; anything typed there came from a robot.
    if (typeof values.website === 'string' && values.website.trim()) return again([], newStamp(), '提交未成功：表单中的一个隐藏字段被填写了。请刷新页面后重新填写。');
    const stamp = checkFormStamp(key, stampValue, deps.clock.now().getTime());
    if (!stamp.ok) return again([], stamp.reason === 'tooFast' ? stampValue : newStamp(), STAMP_MESSAGES[stamp.reason]);

    const parsed = parseApplication(values);
    // The reader's errors (oversized fields) win over the schema's for the same field.
    const schemaErrors = (parsed.ok ? [] : parsed.errors).filter((e) => !read.errors.some((r) => r.field === e.field));
    const errors = sortErrors([...read.errors, ...schemaErrors]);
    if (!parsed.ok || errors.length) return again(errors, stampValue);

    try {
      const receipt = await deps.requests.apply({ ...parsed.input, agencyId: ctx.agency.id, idempotencyKey: stamp.idempotencyKey }, request.ip, read.files);
      const k = receiptToken(key, receipt.trackingCode, receipt);
      return reply.code(303).header('location', portalHref(ctx, `/apply/receipt/${encodeURIComponent(receipt.trackingCode)}`, { k })).send();
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 404 || err.status === 429) throw err;
      const fields = err.fields.length
        ? err.fields.map((f) => ({ field: formFieldOf(f.field, parsed.input.applicantType), message: f.message }))
        : [{ field: 'infoDescription', message: err.message }];
      return again(sortErrors(fields), stampValue);
    }
  });

  app.get('/apply/receipt/:trackingCode', { config: { portal: true } }, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const k = (request.query as { k?: unknown }).k;
    const dates = typeof k === 'string' && trackingCode.length <= 40 ? readReceiptToken(key, trackingCode, k) : null;
    if (!dates || !request.portal) throw notFound('回执链接无效。请使用查询码和联系电话后四位查询办理进度。');
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ReceiptPage({ ctx: request.portal, trackingCode, dates }));
  });
}
