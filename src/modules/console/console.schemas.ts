// Form schemas of the console: they turn posted strings into the shapes the services take. The
// services validate again with their own messages (the edge and the core both check).
import { z } from 'zod';
import { isLegalDate } from '../../core/time/dates.ts';
import { DISCLOSURE_MODES, ITEM_STATUSES, SCOPES, VALIDITIES, type ItemDraftInput } from '../catalog/catalog.contract.ts';
import { lines } from './console.forms.ts';

const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => asArray(v).includes('1'), z.boolean());
const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isLegalDate(v), message)
    .transform((v) => v || null);

export const itemForm = z
  .object({
    columnId: z.string({ message: '请选择栏目' }).trim().min(1, '请选择栏目'),
    title: z.string().trim().default(''),
    docNumber: z.string().trim().default(''),
    issuers: z.string().default('').transform(lines),
    writtenOn: optionalDate('成文日期格式应为 YYYY-MM-DD，例如 2025-09-26'),
    topic: z.string().trim().default(''),
    summary: z.string().trim().default(''),
    bodyHtml: z.string().default(''),
    disclosureMode: z.enum(DISCLOSURE_MODES, { message: '请选择公开方式' }).default('proactive'),
    disclosureModeReason: z.string().trim().default(''),
    scope: z.enum(SCOPES, { message: '请选择公开范围' }).default('public'),
    validity: z.enum(VALIDITIES, { message: '请选择有效性' }).default('inForce'),
    isMajor: checkbox,
    interpretsItemIds: z.preprocess(asArray, z.array(z.string().min(1))),
  })
  .superRefine((v, ctx) => {
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: '请输入标题' });
    // 源头认定: a document not disclosed proactively must say why when it is drafted.
    if (v.disclosureMode !== 'proactive' && !v.disclosureModeReason)
      ctx.addIssue({ code: 'custom', path: ['disclosureModeReason'], message: '依申请公开或不予公开的，须填写理由' });
  }) satisfies z.ZodType<ItemDraftInput, unknown>;

export const reviseForm = z.object({ reviseReason: z.string().trim().min(1, '请填写修订原因') });

export const actionForm = z.object({
  opinion: z.string().trim().max(2000, '意见最多 2000 字').default(''),
  basis: z.string().trim().max(1000, '依据最多 1000 字').default(''),
});

export const repealForm = z.object({
  repealedOn: z.string().trim().refine(isLegalDate, '请填写废止日期，格式为 YYYY-MM-DD'),
  reason: z.string().trim().min(1, '请填写废止原因'),
});

export const listQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional().catch(undefined),
  columnId: z.string().min(1).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export const columnForm = z.object({
  parentId: z.string().default('').transform((v) => v || null),
  code: z.string().trim().default(''),
  name: z.string().trim().default(''),
  description: z.string().trim().default(''),
  sortOrder: z
    .string()
    .trim()
    .default('0')
    .refine((v) => /^\d{0,6}$/.test(v), '排序须为非负整数')
    .transform((v) => Number(v || 0)),
  updateIntervalDays: z
    .string()
    .trim()
    .default('')
    .refine((v) => /^\d{0,4}$/.test(v), '更新周期须为整数天数，按需更新的留空')
    .transform((v) => (v ? Number(v) : null)),
  departmentIds: z.preprocess(asArray, z.array(z.string().min(1))),
});
