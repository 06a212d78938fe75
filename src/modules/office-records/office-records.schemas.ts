// Input validation (zod) for the office records; the routes and services share these.
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

export const coordinationInput = z.object({
  recipientAgency: z.string().trim().min(2, '请填写被征求意见的机关').max(80),
  recipientContact: z.string().trim().min(1, '请填写对方联系人或联系方式').max(120),
  question: z.string().trim().min(4, '请写明需要协调确认的事项').max(4000),
});

export const outcomeInput = z.object({
  outcome: z.enum(['agreed', 'objections', 'noAnswer'], { message: '请选择协调结果' }),
  answerText: z.string().trim().max(4000).default(''),
  answeredOn: z.preprocess((v) => (v === '' ? undefined : v), date.optional()),
});

export const clarificationInput = z.object({
  correctsItemId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().max(64).nullable()),
  circulatingInfo: z.string().trim().max(2000).default(''),
  circulatingUrl: z.preprocess((v) => (v === undefined ? '' : v), z.union([z.literal(''), z.url('请输入完整的网址（以 http:// 或 https:// 开头）').max(500)])),
}).refine((v) => v.correctsItemId || v.circulatingInfo || v.circulatingUrl, { message: '请说明所澄清的信息：关联已发布的信息，或描述流传的信息及其网址', path: ['circulatingInfo'] });

const roomSchema = z.object({
  name: z.string().trim().min(2, '请填写查阅场所名称').max(80),
  address: z.string().trim().max(200).default(''),
  hours: z.string().trim().max(120).default(''),
});
export const readingRoomsInput = z.object({ rooms: z.array(roomSchema).max(50) })
  .refine((v) => new Set(v.rooms.map((r) => r.name)).size === v.rooms.length, { message: '查阅场所名称不能重复', path: ['rooms'] });

export const provideInput = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1, '请至少勾选一条').max(500),
  providedOn: date,
});
