// Input schemas for accounts; types come from them.
import { z } from 'zod';
import { isValidCreditCode } from '../../core/text/identifiers.ts';
import { ROLES } from './roles.ts';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const createUserInput = z.object({
  agencyId: z.string().min(1),
  departmentId: z.string().min(1).nullable().optional(),
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, '用户名为 3–32 位字母、数字、点、下划线或连字符，以字母开头'),
  displayName: z.string().trim().min(1, '请输入姓名').max(40),
  password: z.string().max(128),
  roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  isPrincipalLeader: z.boolean().default(false),
  mustChangePassword: z.boolean().default(true),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const readingRoom = z.object({ name: z.string(), address: z.string(), hours: z.string() });

export const agencyInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9-]{2,32}$/, '机关代码为 2–32 位小写字母、数字或连字符'),
  name: z.string().trim().min(2).max(80),
  shortName: z.string().trim().min(1).max(20),
  creditCode: z.string().trim().refine(isValidCreditCode, '统一社会信用代码无效（18 位，末位校验码须正确）'),
  parentAgencyId: z.string().nullable().default(null),
  address: z.string().default(''),
  postcode: z.string().default(''),
  officeHours: z.string().default(''),
  phone: z.string().default(''),
  fax: z.string().default(''),
  email: z.string().default(''),
  website: z.string().default(''),
  readingRooms: z.array(readingRoom).default([]),
  indexNumberTemplate: z.string().default('{creditCode}/{YYYY}-{NNNNN}'),
});
export type AgencyInput = z.input<typeof agencyInput>;
