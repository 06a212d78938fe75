// Input of the challenge records (行政复议 / 行政诉讼): validated at the edge, cross-field rules here.
import { z } from 'zod';
import { isLegalDate } from '../../core/time/dates.ts';

export const CHALLENGE_KINDS = ['reconsideration', 'litigation'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export const CHALLENGE_KIND_LABELS: Record<ChallengeKind, string> = { reconsideration: '行政复议', litigation: '行政诉讼' };

export const LITIGATION_PATHS = ['direct', 'afterReconsideration'] as const;
export type LitigationPath = (typeof LITIGATION_PATHS)[number];
export const LITIGATION_PATH_LABELS: Record<LitigationPath, string> = { direct: '未经复议直接起诉', afterReconsideration: '复议后起诉' };

/** Table 四's result columns. */
export const CHALLENGE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ChallengeResult = (typeof CHALLENGE_RESULTS)[number];
export const CHALLENGE_RESULT_LABELS: Record<ChallengeResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

const date = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isLegalDate, { error: `${label}应为有效日期（YYYY-MM-DD）` });
const optionalDate = (label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), date(label).nullable().optional()).transform((v) => v ?? null);
const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 字` })
    .refine((v) => !required || v.length > 0, { error: `请填写${label}` });

const decision = {
  decidedOn: optionalDate('审结日期'),
  result: z.enum(CHALLENGE_RESULTS, { error: '请选择审理结果' }),
  caseNumber: text('案号', 100).default(''),
  note: text('备注', 1000).default(''),
};

type Ctx = z.core.$RefinementCtx<{ decidedOn: string | null; result: ChallengeResult; filedOn?: string }>;
/** Pending iff not decided; a decision cannot precede the filing. */
function decisionRules(v: { decidedOn: string | null; result: ChallengeResult; filedOn?: string }, ctx: Ctx): void {
  if (v.decidedOn && v.result === 'pending') ctx.addIssue({ code: 'custom', path: ['result'], message: '已填写审结日期的，请选择审理结果' });
  if (!v.decidedOn && v.result !== 'pending') ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '已有审理结果的，请填写审结日期' });
  if (v.filedOn && v.decidedOn && v.decidedOn < v.filedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '审结日期不能早于申请复议或起诉日期' });
}

export const challengeInput = z
  .object({
    kind: z.enum(CHALLENGE_KINDS, { error: '请选择行政复议或行政诉讼' }),
    litigationPath: z.preprocess((v) => (v === '' ? null : v), z.enum(LITIGATION_PATHS, { error: '请选择起诉方式' }).nullable().optional()).transform((v) => v ?? null),
    body: text('复议机关或受理法院', 200, true),
    filedOn: date('申请复议或起诉日期'),
    ...decision,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'litigation' && !v.litigationPath) ctx.addIssue({ code: 'custom', path: ['litigationPath'], message: '行政诉讼请选择直接起诉或复议后起诉' });
    if (v.kind === 'reconsideration' && v.litigationPath) ctx.addIssue({ code: 'custom', path: ['litigationPath'], message: '行政复议不填写起诉方式' });
    decisionRules(v, ctx);
  });
export type ChallengeInput = z.input<typeof challengeInput>;

export const challengeDecisionInput = z.object(decision).superRefine((v, ctx) => decisionRules(v, ctx));
export type ChallengeDecisionInput = z.input<typeof challengeDecisionInput>;
