// Input validation for applications and staff actions (zod): every field has a maximum length
// and a message in Chinese. 第二十九条 lists what an application must contain: the applicant's
// name, identity document and contact details, a description of the information, and the form
// in which it is wanted.
import { z } from 'zod';
import { isLegalDate } from '../../core/time/dates.ts';
import { isValidCreditCode, isValidIdCard } from '../../core/text/identifiers.ts';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS, ID_TYPES } from './requests.contract.ts';
import { REQUEST_STATUSES } from './request.workflow.ts';
import { MAX_EXTENSION_WORKING_DAYS } from './request.deadlines.ts';
import { REQUEST_KINDS } from './replies.schemas.ts';

/** C0 controls except tab and newlines, DEL, lone surrogates and U+FFFD (what invalid UTF-8 decodes to). */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_CHARS_MESSAGE = '含有无法识别的字符（可能是乱码或控制字符），请检查后重新输入';

/** A trimmed text field: `label` names it in messages. */
function text(label: string, max: number, opts: { min?: number; required?: boolean; multiline?: boolean } = {}) {
  let s = z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((v) => !FORBIDDEN_CHARS.test(v), { error: BAD_CHARS_MESSAGE })
    .refine((v) => opts.multiline || !/[\r\n\t]/.test(v), { error: `${label}不能包含换行` });
  if (opts.required || opts.min) s = s.refine((v) => v.length > 0, { error: `请填写${label}` });
  if (opts.min) s = s.refine((v) => v.length === 0 || v.length >= opts.min!, { error: `${label}至少需要 ${opts.min} 个字` });
  return s;
}

const optionalText = (label: string, max: number, multiline = false) => text(label, max, { multiline }).default('');

const checkbox = z.preprocess(
  (v) => (typeof v === 'string' ? ['true', 'on', '1', 'yes'].includes(v) : v ?? false),
  z.boolean({ error: '请选择是或否' }),
);

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const GENERIC_DOC_RE = /^[A-Z0-9]{5,20}$/;

/** The identity document number problem for its type, or null. */
export function idNumberProblem(idType: string, idNumber: string): string | null {
  const v = idNumber.toUpperCase();
  if (!v) return null;
  if (idType === 'residentId') return isValidIdCard(v) ? null : '居民身份证号码不正确（应为 18 位，请核对出生日期和最后一位校验码）';
  if (idType === 'creditCode') return isValidCreditCode(v) ? null : '统一社会信用代码不正确（应为 18 位，请核对最后一位校验码）';
  return GENERIC_DOC_RE.test(v) ? null : '证件号码应为 5–20 位字母或数字';
}

function agentIdProblem(v: string): string | null {
  const up = v.toUpperCase();
  if (/^\d{17}[\dX]$/.test(up)) return isValidIdCard(up) ? null : '代理人身份证号码不正确（请核对最后一位校验码）';
  return GENERIC_DOC_RE.test(up) ? null : '代理人证件号码应为 18 位身份证号码或 5–20 位字母数字';
}

const applicationFields = {
  applicantType: z.enum(APPLICANT_TYPES, { error: '请选择申请人类型' }),
  applicantName: text('申请人姓名或名称', 100, { required: true }),
  idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
  idNumber: text('证件号码', 30, { required: true }).transform((v) => v.toUpperCase().replace(/\s/g, '')),
  legalRepresentative: optionalText('法定代表人', 50),
  agentName: optionalText('代理人姓名', 50),
  agentIdNumber: optionalText('代理人证件号码', 30).transform((v) => v.toUpperCase().replace(/\s/g, '')),
  phone: text('联系电话', 20, { required: true })
    .transform((v) => v.replace(/[\s()（）]/g, ''))
    .refine((v) => !v || MOBILE_RE.test(v) || LANDLINE_RE.test(v), { error: '联系电话应为 11 位手机号码或带区号的固定电话（如 0797-8888888）' }),
  email: optionalText('电子邮箱', 100).refine((v) => !v || z.email().safeParse(v).success, { error: '电子邮箱格式不正确，例如 name@example.com' }),
  address: optionalText('通信地址', 200),
  postcode: optionalText('邮政编码', 6).refine((v) => !v || /^\d{6}$/.test(v), { error: '邮政编码应为 6 位数字' }),
  infoDescription: text('所需信息的内容描述', 2000, { min: 10, multiline: true }),
  infoTitle: optionalText('信息名称', 200),
  infoDocNumber: optionalText('文号', 100),
  purpose: optionalText('用途', 500, true),
  deliveryMethod: z.enum(DELIVERY_METHODS, { error: '请选择获取信息的方式' }),
  feeWaiverRequested: checkbox.default(false),
  feeWaiverReason: optionalText('减免费用的理由', 500, true),
  kind: z.enum(REQUEST_KINDS, { error: '请选择申请类型' }).default('disclosure'),
};

type Ctx = z.core.$RefinementCtx;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Rules between fields; runs even when single fields failed, so every error shows at once. */
function crossFieldChecks(raw: unknown, ctx: Ctx): void {
  if (!raw || typeof raw !== 'object') return;
  const v = raw as Record<string, unknown>;
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const isPerson = v.applicantType === 'person';
  if (v.applicantType && isPerson && v.idType === 'creditCode') add('idType', '自然人请选择身份证件类型');
  if (v.applicantType && !isPerson && v.idType !== 'creditCode') add('idType', '法人或其他组织请选择“统一社会信用代码”');
  const idProblem = typeof v.idType === 'string' ? idNumberProblem(v.idType, str(v.idNumber).replace(/\s/g, '')) : null;
  if (idProblem && !FORBIDDEN_CHARS.test(str(v.idNumber))) add('idNumber', idProblem);
  const agentName = str(v.agentName);
  const agentId = str(v.agentIdNumber).replace(/\s/g, '');
  if (agentName && !agentId) add('agentIdNumber', '填写了代理人的，请同时填写代理人证件号码');
  if (!agentName && agentId) add('agentName', '填写了代理人证件号码的，请同时填写代理人姓名');
  if (agentId && !FORBIDDEN_CHARS.test(agentId)) {
    const p = agentIdProblem(agentId);
    if (p) add('agentIdNumber', p);
  }
  if (v.deliveryMethod === 'email' && !str(v.email)) add('email', '选择电子邮件方式获取信息的，请填写电子邮箱');
  if (v.deliveryMethod === 'paper' && !str(v.address)) add('address', '选择纸质邮寄的，请填写通信地址');
  const waiver = v.feeWaiverRequested === true || ['true', 'on', '1', 'yes'].includes(String(v.feeWaiverRequested));
  if (waiver && !str(v.feeWaiverReason)) add('feeWaiverReason', '申请减免费用的，请说明理由');
}

export const applicationInput = z.object(applicationFields).superRefine(crossFieldChecks, { when: () => true });

const idempotencyKey = z
  .string({ error: '幂等键格式不正确' })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: '幂等键应为 8–100 位字母、数字、下划线或连字符' });

export const onlineApplicationInput = z
  .object({ ...applicationFields, agencyId: z.string().min(1).max(64), idempotencyKey })
  .superRefine(crossFieldChecks, { when: () => true });

const legalDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isLegalDate, { error: `${label}应为有效日期（YYYY-MM-DD）` });

export const registeredApplicationInput = z
  .object({
    ...applicationFields,
    channel: z.enum(CHANNELS.filter((c) => c !== 'online') as ['counter', 'post', 'fax', 'email'], { error: '请选择申请方式' }),
    receivedOn: legalDate('收到申请日期'),
  })
  .superRefine(crossFieldChecks, { when: () => true });

export const actInput = z.object({
  note: text('意见或理由', 2000, { multiline: true }).default(''),
  departmentIds: z.array(z.string().min(1).max(64)).max(10, { error: '承办单位最多 10 个' }).optional(),
  receivedOn: legalDate('补正材料收到日期').optional(),
  correctionPeriodDays: z.coerce.number({ error: '补正期限应为工作日天数' }).int().min(1, { error: '补正期限至少 1 个工作日' }).max(60, { error: '补正期限不能超过 60 个工作日' }).optional(),
  consultation: z
    .object({ kind: z.enum(['thirdParty', 'coAgency'], { error: '请选择征求意见的对象类型' }), partyName: text('征求意见对象名称', 100, { required: true }) })
    .optional(),
  mergeIntoTrackingCode: text('合并到的申请查询码', 20).optional(),
  // requestFee (国办函〔2020〕109号): per request or per page, never both.
  fee: z
    .object({
      basis: z.enum(['perRequest', 'perPage'], { error: '请选择收费方式' }),
      pages: z.coerce.number({ error: '页数应为整数' }).int({ error: '页数应为整数' }).min(1, { error: '页数至少为 1' }).max(100000, { error: '页数过大' }).optional(),
      paymentMethod: text('缴费方式', 200).optional(),
    })
    .optional(),
  payment: z.object({ paidOn: legalDate('缴费日期').optional(), reference: text('缴费凭证号', 100).optional() }).optional(),
  /** deliver: the method (the application's by default), date, postal tracking number, who signed. */
  delivery: z
    .object({
      method: z.enum(DELIVERY_METHODS, { error: '请选择送达方式' }).optional(),
      deliveredOn: legalDate('送达日期').optional(),
      trackingNumber: text('邮寄单号', 40).optional(),
      recipientNote: text('签收人或说明', 200).optional(),
    })
    .optional(),
});

export const extendInput = z.object({
  days: z.coerce
    .number({ error: '延长天数应为工作日天数' })
    .int({ error: '延长天数应为整数' })
    .min(1, { error: '延长天数至少 1 个工作日' })
    .max(MAX_EXTENSION_WORKING_DAYS, { error: `延长期限最长不超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条）` }),
  reason: text('延期理由', 1000, { required: true, multiline: true }),
});

export const splitInput = z.object({
  infoDescription: text('拆分出的申请内容', 2000, { min: 10, multiline: true }),
  note: text('拆分说明', 1000, { required: true, multiline: true }),
});

export const registerQueryInput = z.object({
  status: z.enum([...REQUEST_STATUSES, 'open', 'overdue'] as [string, ...string[]]).optional(),
  departmentId: z.string().max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: text('关键词', 100).optional(),
  receivedFrom: legalDate('起始日期').optional(),
  receivedTo: legalDate('截止日期').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const trackInput = z.object({
  code: z.string().max(40).default(''),
  phone: z.string().max(8).default(''),
});

/** POST /api/v1/requests: the application with the agency's code instead of its id. */
export const publicApplicationBody = z
  .object({
    ...applicationFields,
    agencyCode: z.string().trim().max(64, { error: '机关代码过长' }).optional(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .superRefine(crossFieldChecks, { when: () => true });
