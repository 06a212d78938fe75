// Console forms and filters of the requests pages: posted strings → the requests contract's
// shapes. The requests service validates again with its own messages.
import { z } from 'zod';
import { isLegalDate } from '../../core/time/dates.ts';
import { CHANNELS, DELIVERY_METHODS, REQUEST_STATUSES, REQUEST_VERBS } from '../requests/index.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((v) => (v && isLegalDate(v) ? v : undefined));

export const registerFilters = z.object({
  status: z.enum([...REQUEST_STATUSES, 'open', 'overdue'] as const).optional().catch(undefined),
  departmentId: optionalText(64),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  q: optionalText(100),
  receivedFrom: optionalDate,
  receivedTo: optionalDate,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type RegisterFilters = z.infer<typeof registerFilters>;

export const verbField = z.object({ verb: z.enum(REQUEST_VERBS) });

const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** The inputs a verb may carry; which ones a verb needs is the service's rule. */
export const actForm = z.object({
  note: z.string().trim().max(2000, '意见最多 2000 字').default(''),
  departmentIds: z.preprocess(asArray, z.array(z.string().min(1).max(64))),
  receivedOn: z.string().trim().default('').refine((v) => v === '' || isLegalDate(v), '日期格式应为 YYYY-MM-DD，例如 2025-09-26'),
  correctionPeriodDays: z
    .string()
    .trim()
    .default('')
    .refine((v) => /^\d{0,2}$/.test(v), '补正期限应为 1–60 个工作日'),
  consultationKind: z.enum(['thirdParty', 'coAgency']).optional().catch(undefined),
  partyName: z.string().trim().max(200, '最多 200 字').default(''),
  mergeIntoTrackingCode: z.string().trim().max(40, '查询码过长').default(''),
  deliveryMethod: z.enum(DELIVERY_METHODS).optional().catch(undefined),
  deliveredOn: z.string().trim().default('').refine((v) => v === '' || isLegalDate(v), '日期格式应为 YYYY-MM-DD，例如 2025-09-26'),
  trackingNumber: z.string().trim().max(40, '邮寄单号最多 40 位').default(''),
  recipientNote: z.string().trim().max(200, '最多 200 字').default(''),
});

export const extendForm = z.object({
  days: z
    .string()
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 20, '延长期限为 1 至 20 个工作日')
    .transform(Number),
  reason: z.string().trim().min(1, '请填写延期理由').max(1000, '理由最多 1000 字'),
});

export const splitForm = z.object({
  infoDescription: z.string().trim().min(1, '请填写拆分出的申请内容').max(2000, '最多 2000 字'),
  note: z.string().trim().min(1, '请说明拆分原因').max(1000, '最多 1000 字'),
});

/** Officer entry of a counter, post, fax or e-mail application (第三十一条 receipt date). */
export const registeredChannel = z.object({
  channel: z.enum(['counter', 'post', 'fax', 'email'], { message: '请选择申请渠道' }),
  receivedOn: z.string().trim().refine(isLegalDate, '请填写收到申请的日期，格式为 YYYY-MM-DD'),
});
