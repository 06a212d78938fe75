// Input schemas of the catalog, with the messages people read. Types come from the schemas.
import { z } from 'zod';
import { validationFailed } from '../../core/errors.ts';
import { isLegalDate } from '../../core/time/dates.ts';
import { DISCLOSURE_MODES, SCOPES, VALIDITIES } from './catalog.contract.ts';

const legalDate = (message: string) => z.string().trim().refine(isLegalDate, message);
const text = (max: number, message: string) => z.string().trim().max(max, message);

export const itemDraftInput = z
  .object({
    columnId: z.string().trim().min(1, '请选择栏目'),
    departmentId: z.string().trim().min(1).optional(),
    title: z.string().trim().min(1, '请输入标题').max(200, '标题最多 200 字'),
    docNumber: text(100, '发文字号最多 100 字').default(''),
    issuers: z.array(text(80, '发文机关名称最多 80 字').min(1, '发文机关名称不能为空')).max(10, '发文机关最多 10 个').default([]),
    writtenOn: legalDate('成文日期格式应为 YYYY-MM-DD，例如 2025-09-26').nullable().default(null),
    topic: text(100, '主题分类最多 100 字').default(''),
    summary: text(2000, '内容概述最多 2000 字').default(''),
    bodyHtml: z.string().max(2_000_000, '正文过长').default(''),
    disclosureMode: z.enum(DISCLOSURE_MODES, '请选择公开方式').default('proactive'),
    disclosureModeReason: text(1000, '理由最多 1000 字').default(''),
    scope: z.enum(SCOPES, '请选择公开范围').default('public'),
    validity: z.enum(VALIDITIES, '请选择有效性').default('inForce'),
    isMajor: z.boolean().default(false),
    interpretsItemIds: z.array(z.string().min(1)).max(20).default([]),
    repealNoticeForItemId: z.string().min(1).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    // 源头认定: a document not disclosed proactively must say why when it is drafted.
    if (v.disclosureMode !== 'proactive' && !v.disclosureModeReason)
      ctx.addIssue({ code: 'custom', path: ['disclosureModeReason'], message: '依申请公开或不予公开的，须填写理由' });
  });
export type ItemDraftFields = z.output<typeof itemDraftInput>;

export const columnInput = z.object({
  parentId: z.string().min(1).nullable().default(null),
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '栏目代码为 1–40 位小写字母、数字或连字符'),
  name: z.string().trim().min(1, '请输入栏目名称').max(40, '栏目名称最多 40 字'),
  description: text(500, '栏目说明最多 500 字').default(''),
  sortOrder: z.number().int('排序须为整数').min(0).max(100_000).default(0),
  updateIntervalDays: z.number().int('更新周期须为整数天数').min(1, '更新周期至少 1 天').max(3660, '更新周期最多 3660 天').nullable().default(null),
  departmentIds: z.array(z.string().min(1)).max(50).default([]),
});
export type ColumnFields = z.output<typeof columnInput>;

export const repealInput = z.object({
  repealedOn: legalDate('废止日期格式应为 YYYY-MM-DD'),
  reason: z.string().trim().min(1, '请填写废止原因').max(1000, '废止原因最多 1000 字'),
});

export const reviseReason = z.string().trim().min(1, '请填写修订原因').max(1000, '修订原因最多 1000 字');

export const importPublishedInput = z.object({
  columnId: z.string().min(1, '请选择栏目'),
  departmentId: z.string().min(1).optional(),
  title: z.string().trim().min(1, '标题不能为空').max(200, '标题最多 200 字'),
  docNumber: text(100, '发文字号最多 100 字').default(''),
  issuers: z.array(z.string().trim().min(1)).default([]),
  writtenOn: legalDate('成文日期格式应为 YYYY-MM-DD').nullable().default(null),
  publishedOn: legalDate('发布日期格式应为 YYYY-MM-DD'),
  topic: z.string().trim().default(''),
  summary: z.string().trim().default(''),
  bodyHtml: z.string().default(''),
  attachments: z.array(z.object({ filename: z.string().min(1), bytes: z.instanceof(Buffer) })).default([]),
});
export type ImportPublishedInput = z.input<typeof importPublishedInput>;

/** Parse or throw 422 with one error per field. */
export function parseOrFail<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message })));
  return parsed.data;
}
