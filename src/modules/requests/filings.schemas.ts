// The withholding filing's inputs and labels (不予公开备案表).
import { z } from 'zod';
import { isLegalDate } from '../../core/time/dates.ts';

/** 密级, entered at review by the confidentiality reviewer or the office. */
export const CLASSIFICATION_LEVELS = ['topSecret', 'secret', 'confidential', 'workSecret', 'unclassified'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];
export const CLASSIFICATION_LEVEL_LABELS: Record<ClassificationLevel, string> = {
  topSecret: '绝密', secret: '机密', confidential: '秘密', workSecret: '工作秘密', unclassified: '非密',
};

export const QUARTER_LABELS = ['', '第一季度', '第二季度', '第三季度', '第四季度'] as const;

export const quarterInput = z.object({
  year: z.coerce.number({ error: '请填写年份' }).int().min(2008, { error: '年份不正确' }).max(2100, { error: '年份不正确' }),
  quarter: z.coerce.number({ error: '请选择季度' }).int().min(1, { error: '请选择季度' }).max(4, { error: '请选择季度' }),
});

export const filingRowReviewInput = z.object({
  classificationLevel: z.enum(CLASSIFICATION_LEVELS, { error: '请选择密级' }),
  confidentialityOpinion: z.string().trim().max(1000, { error: '保密审查意见不能超过 1000 字' }).default(''),
});

export const markFiledInput = z.object({
  filedOn: z.string({ error: '请填写备案日期' }).trim().refine(isLegalDate, { error: '备案日期应为有效日期（YYYY-MM-DD）' }),
  filedTo: z.string({ error: '请填写备案机关' }).trim().min(1, { error: '请填写备案机关' }).max(200, { error: '备案机关不能超过 200 字' }),
});

/** First and last day of a quarter. */
export function quarterSpan(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = [31, 30, 30, 31][quarter - 1];
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: `${year}-${String(last).padStart(2, '0')}-${lastDay}` };
}
