// The application form (条例 第二十九条: name, proof of identity, contact, description of the
// information, the form wanted) turned from posted strings into the requests contract's
// ApplicationInput. The requests service checks again; this gives each field its own message.
import { z } from 'zod';
import { isValidCreditCode, isValidIdCard } from '../../core/text/identifiers.ts';
import { DELIVERY_METHODS, ID_TYPES, REQUEST_KINDS, type ApplicationInput, type ApplicantType } from '../requests/index.ts';
import type { FieldError, FormValues } from './form-fields.tsx';

export const ORGANISATION_TYPES = ['business', 'research', 'nonprofit', 'legalService', 'other'] as const satisfies readonly ApplicantType[];
export const PERSON_ID_TYPES = ID_TYPES.filter((t) => t !== 'creditCode');

/** Longest accepted value of each text field (anything longer is a clear field error, never a 500). */
export const MAX_LENGTHS: Record<string, number> = {
  applicantName: 100, idNumber: 30, creditCode: 18, legalRepresentative: 50, agentName: 50, agentIdNumber: 30,
  phone: 20, email: 100, address: 200, postcode: 6, infoDescription: 2000, infoTitle: 200, infoDocNumber: 100,
  purpose: 500, feeWaiverReason: 500,
};

const text = (field: string) => z.string().trim().default('').refine((v) => v.length <= (MAX_LENGTHS[field] ?? 200), `最多 ${MAX_LENGTHS[field] ?? 200} 个字`);
const upper = (field: string) => text(field).transform((v) => v.toUpperCase().replace(/\s+/g, ''));

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OTHER_ID = /^[0-9A-Z]{5,20}$/;

const applyForm = z
  .object({
    applicantKind: z.enum(['person', 'organisation'], { message: '请选择申请人类型：自然人或法人或其他组织' }),
    organisationType: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
    applicantName: text('applicantName'),
    idType: z.enum(PERSON_ID_TYPES as [string, ...string[]]).optional().catch(undefined),
    idNumber: upper('idNumber'),
    creditCode: upper('creditCode'),
    legalRepresentative: text('legalRepresentative'),
    agentName: text('agentName'),
    agentIdNumber: upper('agentIdNumber'),
    phone: text('phone').transform((v) => v.replace(/[\s()（）]/g, '')),
    email: text('email'),
    address: text('address'),
    postcode: text('postcode'),
    infoDescription: text('infoDescription'),
    infoTitle: text('infoTitle'),
    infoDocNumber: text('infoDocNumber'),
    purpose: text('purpose'),
    deliveryMethod: z.enum(DELIVERY_METHODS, { message: '请选择获取信息的方式' }),
    kind: z.enum(REQUEST_KINDS).catch('disclosure'),
    feeWaiverRequested: z.preprocess((v) => (Array.isArray(v) ? v : [v]).includes('1'), z.boolean()),
    feeWaiverReason: text('feeWaiverReason'),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const person = v.applicantKind === 'person';
    if (!person && !v.organisationType) issue('organisationType', '请选择组织类型');
    if (!v.applicantName) issue('applicantName', person ? '请填写申请人姓名' : '请填写法人或其他组织的名称');
    if (person) {
      if (!v.idType) issue('idType', '请选择身份证件类型');
      if (!v.idNumber) issue('idNumber', '请填写身份证件号码');
      else if (v.idType === 'residentId' && !isValidIdCard(v.idNumber)) issue('idNumber', '居民身份证号码不正确，请核对 18 位号码（最后一位可能是 X）');
      else if (v.idType && v.idType !== 'residentId' && !OTHER_ID.test(v.idNumber)) issue('idNumber', '证件号码应为 5–20 位字母或数字，请按证件上的号码填写');
    } else {
      if (!v.creditCode) issue('creditCode', '请填写统一社会信用代码');
      else if (!isValidCreditCode(v.creditCode)) issue('creditCode', '统一社会信用代码不正确，请核对 18 位代码');
      if (!v.legalRepresentative) issue('legalRepresentative', '请填写法定代表人或负责人姓名');
    }
    if (v.agentName && !v.agentIdNumber) issue('agentIdNumber', '填写了代理人的，请同时填写代理人证件号码');
    if (v.agentIdNumber && /^\d{17}[\dX]$/.test(v.agentIdNumber) && !isValidIdCard(v.agentIdNumber)) issue('agentIdNumber', '代理人居民身份证号码不正确，请核对 18 位号码');
    else if (v.agentIdNumber && !/^\d{17}[\dX]$/.test(v.agentIdNumber) && !OTHER_ID.test(v.agentIdNumber)) issue('agentIdNumber', '代理人证件号码应为 18 位身份证号码或 5–20 位字母数字');
    if (v.agentIdNumber && !v.agentName) issue('agentName', '请填写代理人姓名');
    if (!v.phone) issue('phone', '请填写联系电话');
    else if (!PHONE.test(v.phone)) issue('phone', '联系电话格式不正确，手机号为 11 位，固定电话如 0797-8888888');
    if (v.email && !EMAIL.test(v.email)) issue('email', '电子邮箱格式不正确，例如 name@example.com');
    if (v.deliveryMethod === 'email' && !v.email) issue('email', '选择电子邮件获取的，请填写电子邮箱');
    if (v.deliveryMethod === 'paper' && !v.address) issue('address', '选择纸质邮寄的，请填写通信地址');
    if (v.postcode && !/^\d{6}$/.test(v.postcode)) issue('postcode', '邮政编码为 6 位数字');
    if (!v.infoDescription) issue('infoDescription', '请描述您需要的政府信息');
    else if (v.infoDescription.length < 10) issue('infoDescription', '所需信息的描述至少需要 10 个字，请写明文件名称、文号或其他特征');
    if (v.feeWaiverRequested && !v.feeWaiverReason) issue('feeWaiverReason', '申请减免费用的，请说明理由');
  });

/** Field order of the error summary: the order the questions appear on the page. */
const FIELD_ORDER = [
  'applicantKind', 'organisationType', 'applicantName', 'idType', 'idNumber', 'creditCode', 'legalRepresentative', 'agentName',
  'agentIdNumber', 'phone', 'email', 'address', 'postcode', 'infoDescription', 'infoTitle', 'infoDocNumber',
  'purpose', 'deliveryMethod', 'feeWaiverRequested', 'feeWaiverReason',
];

export function sortErrors(errors: FieldError[]): FieldError[] {
  const rank = (f: string) => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}

export type ParsedApplication = { ok: true; input: ApplicationInput } | { ok: false; errors: FieldError[] };

export function parseApplication(values: FormValues): ParsedApplication {
  const r = applyForm.safeParse(values);
  if (!r.success) {
    const errors: FieldError[] = [];
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
    }
    return { ok: false, errors: sortErrors(errors) };
  }
  const v = r.data;
  const person = v.applicantKind === 'person';
  return {
    ok: true,
    input: {
      applicantType: person ? 'person' : v.organisationType!,
      applicantName: v.applicantName,
      idType: person ? (v.idType as ApplicationInput['idType']) : 'creditCode',
      idNumber: person ? v.idNumber : v.creditCode,
      legalRepresentative: person ? '' : v.legalRepresentative,
      agentName: v.agentName,
      agentIdNumber: v.agentIdNumber,
      phone: v.phone,
      email: v.email,
      address: v.address,
      postcode: v.postcode,
      infoDescription: v.infoDescription,
      infoTitle: v.infoTitle,
      infoDocNumber: v.infoDocNumber,
      purpose: v.purpose,
      deliveryMethod: v.deliveryMethod,
      feeWaiverRequested: v.feeWaiverRequested,
      feeWaiverReason: v.feeWaiverRequested ? v.feeWaiverReason : '',
      kind: v.kind,
    },
  };
}

/** The service names fields by ApplicationInput; an organisation's idNumber is the credit code field. */
export function formFieldOf(serviceField: string, applicantType: ApplicantType): string {
  const field = serviceField.split('.')[0];
  if (field === 'idNumber' && applicantType !== 'person') return 'creditCode';
  if (field === 'applicantType') return applicantType === 'person' ? 'applicantKind' : 'organisationType';
  return field;
}
