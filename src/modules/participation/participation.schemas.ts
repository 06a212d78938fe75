// Input of the participation use cases, validated at the edge and again in the service.
import { z } from 'zod';
import { MESSAGE_KINDS } from './participation.rules.ts';

export const MESSAGE_MAX_LENGTHS = { askerName: 50, phone: 20, email: 100, subject: 100, content: 2000, answer: 5000, reason: 500 } as const;

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (max: number, required?: string) => {
  const base = z.string().trim().max(max, `最多 ${max} 个字`);
  return required ? base.min(1, required) : base.default('');
};

export const messageInput = z.object({
  kind: z.enum(MESSAGE_KINDS, { message: '请选择留言类型' }),
  askerName: text(MESSAGE_MAX_LENGTHS.askerName, '请填写您的姓名'),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s()（）]/g, ''))
    .pipe(z.string().min(1, '请填写联系电话').regex(PHONE, '联系电话格式不正确，手机号为 11 位，固定电话如 0797-8888888')),
  email: text(MESSAGE_MAX_LENGTHS.email).refine((v) => !v || EMAIL.test(v), '电子邮箱格式不正确，例如 name@example.com'),
  subject: text(MESSAGE_MAX_LENGTHS.subject, '请填写留言标题'),
  content: text(MESSAGE_MAX_LENGTHS.content, '请填写留言内容').refine((v) => v.length >= 10, '留言内容至少需要 10 个字，请把问题写清楚'),
  consentToPublish: z.boolean().default(false),
});
export type MessageInput = z.input<typeof messageInput>;

export const onlineMessageInput = messageInput.extend({
  agencyId: z.string().min(1),
  idempotencyKey: z.string().min(10).max(64),
});
export type OnlineMessageInput = z.input<typeof onlineMessageInput>;

export const answerInput = z.object({ answer: text(MESSAGE_MAX_LENGTHS.answer, '请填写答复内容') });
export const invalidInput = z.object({ reason: text(MESSAGE_MAX_LENGTHS.reason, '请写明无效的理由（如广告、辱骂、重复留言）') });
