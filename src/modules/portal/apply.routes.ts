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
import type { RequestsService } from '../requests/index.ts';
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
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ID_SCANS = 3;
/** Field values longer than this were cut by the multipart parser: always an error. */
const FIELD_SIZE_LIMIT = 64 * 1024;

export interface ApplyUpload {
  field: 'idScan' | 'authorisation';
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** PDF, JPEG or PNG, recognised by their first bytes rather than the name the browser sends. */
export function sniffUpload(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

interface ReadResult {
  values: FormValues;
  files: ApplyUpload[];
  errors: FieldError[];
  filesChosen: boolean;
}

/** Reads the multipart (or url-encoded) form; oversized fields and wrong or large files become field errors. */
async function readApplyForm(request: FastifyRequest, maxFileBytes: number): Promise<ReadResult> {
  const out: ReadResult = { values: {}, files: [], errors: [], filesChosen: false };
  const addError = (field: string, message: string) => {
    if (!out.errors.some((e) => e.field === field)) out.errors.push({ field, message });
  };
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
  // throwFileSizeLimit is read by @fastify/multipart at run time but missing from parts()' type.
  const options = { limits: { fileSize: maxFileBytes, fieldSize: FIELD_SIZE_LIMIT }, throwFileSizeLimit: false };
  for await (const part of request.parts(options)) {
    if (part.type === 'field') {
      if (part.valueTruncated) addError(part.fieldname, '填写的内容过长，请精简后再提交');
      else add(part.fieldname, String(part.value ?? ''));
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (!part.filename && !bytes.length) continue;
    out.filesChosen = true;
    const field = part.fieldname === 'authorisation' ? 'authorisation' : 'idScan';
    const mb = Math.round(maxFileBytes / 1024 / 1024);
    if (part.file.truncated) addError(field, `文件“${part.filename}”超过 ${mb} MB，请压缩或分页扫描后上传`);
    else if (!bytes.length) addError(field, `文件“${part.filename}”是空文件`);
    else {
      const mediaType = sniffUpload(bytes);
      if (!mediaType) addError(field, `文件“${part.filename}”不是 PDF、JPG 或 PNG 格式`);
      else out.files.push({ field, filename: part.filename.slice(0, 200), mediaType, bytes });
    }
  }
  if (out.files.filter((f) => f.field === 'idScan').length > MAX_ID_SCANS) addError('idScan', `身份证明材料最多上传 ${MAX_ID_SCANS} 个文件`);
  if (out.files.filter((f) => f.field === 'authorisation').length > 1) addError('authorisation', '授权委托书请只上传一个文件');
  return out;
}

const STAMP_MESSAGES = {
  tooFast: '提交过快，系统无法确认是本人填写。请核对内容后再次点击“提交申请”。',
  expired: '页面打开时间过长（超过 2 小时），为保护您的信息，请核对内容后重新提交。',
  invalid: '页面已过期，请核对内容后重新提交。',
} as const;

export function registerApplyRoutes(app: FastifyInstance, deps: RequestPagesDeps, portal: PortalService): void {
  const key = loadSecretKey(deps.config);
  const maxFileBytes = Math.min(MAX_FILE_BYTES, deps.config.maxUploadBytes);
  const maxFileMb = Math.round(maxFileBytes / 1024 / 1024);
  const newStamp = () => formStamp(key, deps.clock.now().getTime(), newId());

  function form(reply: FastifyReply, request: FastifyRequest, ctx: PortalContext, opts: { values: FormValues; errors: FieldError[]; stamp: string; formMessage?: string; filesDropped?: boolean }, status: number) {
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ApplyPage({ ctx, csrf: request.csrfToken, maxFileMb, ...opts }), status);
  }

  app.get('/apply', { config: { portal: true } }, async (request, reply) => {
    if (!request.portal) throw notFound();
    return form(reply, request, request.portal, { values: { applicantKind: 'person', idType: 'residentId' }, errors: [], stamp: newStamp() }, 200);
  });

  app.post('/apply', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const read = await readApplyForm(request, maxFileBytes);
    const ctx = await portal.context(agencyQuery.parse(read.values).agency);
    request.portal = ctx;
    const { values } = read;
    const stampValue = typeof values.formStamp === 'string' ? values.formStamp : '';
    const filesDropped = read.filesChosen;
    const again = (errors: FieldError[], stamp: string, formMessage?: string) =>
      form(reply, request, ctx, { values: { ...values, website: undefined }, errors, stamp, formMessage, filesDropped }, 422);

    // A person never sees the honeypot; anything typed there came from a robot.
    if (typeof values.website === 'string' && values.website.trim()) return again([], newStamp(), '提交未成功：表单中的一个隐藏字段被填写了。请刷新页面后重新填写。');
    const stamp = checkFormStamp(key, stampValue, deps.clock.now().getTime());
    if (!stamp.ok) return again([], stamp.reason === 'tooFast' ? stampValue : newStamp(), STAMP_MESSAGES[stamp.reason]);

    const parsed = parseApplication(values);
    // The reader's errors (oversized fields, bad files) win over the schema's for the same field.
    const schemaErrors = (parsed.ok ? [] : parsed.errors).filter((e) => !read.errors.some((r) => r.field === e.field));
    const errors = sortErrors([...read.errors, ...schemaErrors]);
    if (parsed.ok && parsed.input.agentName && !read.files.some((f) => f.field === 'authorisation') && !errors.length)
      errors.push({ field: 'authorisation', message: '有代理人的，请上传授权委托书' });
    if (!parsed.ok || errors.length) return again(errors, stampValue);

    try {
      const receipt = await deps.requests.apply({ ...parsed.input, agencyId: ctx.agency.id, idempotencyKey: stamp.idempotencyKey }, request.ip);
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
