// User administration (sysAdmin / securityAdmin, 三员分立): list, create, enable/disable.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { actorOf, ADMIN_ROLES, hasRole, ROLES, staffUser, type Role, type SessionUser } from '../accounts/index.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canManageUsers } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { UsersPage } from './users.pages.tsx';

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const userForm = z.object({
  username: z.string().trim().min(1, '请输入用户名'),
  displayName: z.string().trim().min(1, '请输入姓名'),
  departmentId: z.string().optional().transform((v) => v || null),
  roles: z.preprocess(asArray, z.array(z.enum(ROLES, { message: '角色无效' })).min(1, '至少选择一个角色')),
  isPrincipalLeader: z.preprocess((v) => asArray(v).includes('1'), z.boolean()),
  password: z.string().min(1, '请输入初始密码'),
});

const activeForm = z.object({ active: z.enum(['0', '1']) });

/** 三员分立: the system administrator creates accounts with work roles only; administrator roles are granted by the security administrator. */
export function grantableRoles(user: SessionUser): readonly Role[] {
  return hasRole(user, 'securityAdmin') ? ROLES : ROLES.filter((r) => !ADMIN_ROLES.includes(r));
}

export function registerUsersRoutes(app: FastifyInstance, services: Services): void {
  async function show(request: Parameters<typeof pageContext>[0], values: FormValues, errors: FieldErrorView[], notice?: string) {
    const user = staffUser(request);
    const [ctx, users, departments] = await Promise.all([
      pageContext(request, services),
      services.accounts.users(user.agencyId),
      services.accounts.departments(user.agencyId),
    ]);
    return UsersPage({ ctx, users, departments, values, errors, notice, roleOptions: grantableRoles(user) });
  }

  app.get('/console/users', async (request, reply) => {
    authorize(canManageUsers(staffUser(request)));
    const q = request.query as { created?: string; changed?: string };
    const notice = q.created ? `已创建用户 ${q.created}，首次登录须修改密码。` : q.changed ? '账号状态已更新。' : undefined;
    return sendPage(reply, await show(request, {}, [], notice));
  });

  app.post('/console/users', async (request, reply) => {
    const user = staffUser(request);
    authorize(canManageUsers(user));
    const { values } = await readForm(request);
    const parsed = parseForm(userForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok && parsed.data.roles.some((r) => !grantableRoles(user).includes(r))) {
      errors = [{ field: 'roles', message: '管理员角色只能由安全管理员授予（三员分立）' }];
    } else if (parsed.ok) {
      try {
        const created = await services.accounts.createUser(actorOf(request), { ...parsed.data, agencyId: user.agencyId, mustChangePassword: true });
        return redirect(reply, `/console/users?created=${encodeURIComponent(created.username)}`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'username', { ROLES_NOT_SEPARATED: 'roles' });
      }
    }
    return sendPage(reply, await show(request, values, errors), 422);
  });

  app.post('/console/users/:id/active', async (request, reply) => {
    const user = staffUser(request);
    authorize(canManageUsers(user));
    const { id } = request.params as { id: string };
    const { values } = await readForm(request);
    const parsed = parseForm(activeForm, values);
    if (!parsed.ok) throw notFound();
    if (id === user.id) throw conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号');
    const target = (await services.accounts.users(user.agencyId)).find((u) => u.id === id);
    if (!target) throw notFound('用户不存在');
    await services.accounts.setUserActive(actorOf(request), id, parsed.data.active === '1');
    return redirect(reply, '/console/users?changed=1');
  });
}
