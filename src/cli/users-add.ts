// gongkai users add: creates a user (the first administrator of a production installation).
// The password comes from --password or the GONGKAI_PASSWORD environment variable, so it need
// not appear in the shell history.
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { isRole, type Role } from '../modules/accounts/index.ts';
import type { CliCommand } from './commands.ts';
import { cliActor, resolveAgency, withServices } from './context.ts';

export const usersAddCommand: CliCommand = {
  summary: '新建用户 --username U --name 姓名 --role sysAdmin [--agency CODE] [--department 名称]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        agency: { type: 'string' },
        department: { type: 'string' },
        password: { type: 'string' },
        principal: { type: 'boolean', default: false },
      },
    });
    const password = values.password ?? process.env.GONGKAI_PASSWORD;
    if (!values.username || !values.name || !values.role?.length || !password)
      throw new AppError(64, 'USAGE', '需要 --username、--name、--role，以及 --password 或环境变量 GONGKAI_PASSWORD');
    const roles = values.role.flatMap((r) => r.split(','));
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) throw new AppError(64, 'USAGE', `未知角色：${bad.join(', ')}`);
    return withServices(async (services) => {
      const agency = await resolveAgency(services, values.agency);
      let departmentId: string | null = null;
      if (values.department) {
        const dept = (await services.accounts.departments(agency.id)).find((d) => d.name === values.department);
        if (!dept) throw new AppError(404, 'DEPARTMENT_NOT_FOUND', `找不到科室 ${values.department}`);
        departmentId = dept.id;
      }
      const user = await services.accounts.createUser(cliActor(), {
        agencyId: agency.id, departmentId, username: values.username!, displayName: values.name!, password,
        roles: roles as Role[], isPrincipalLeader: values.principal, mustChangePassword: true,
      });
      console.log(`已创建用户 ${user.username}（${agency.name}）；首次登录须修改密码`);
      return 0;
    });
  },
};
