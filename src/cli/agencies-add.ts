// gongkai agencies add: registers an agency (the first step of a production installation,
// before `gongkai users add` creates its first administrator).
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import type { CliCommand } from './commands.ts';
import { cliActor, withServices } from './context.ts';

export const agenciesAddCommand: CliCommand = {
  summary: '新建机关 --code CODE --name 名称 --short 简称 --credit-code 统一社会信用代码 [--parent CODE]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        short: { type: 'string' },
        'credit-code': { type: 'string' },
        parent: { type: 'string' },
        address: { type: 'string', default: '' },
        phone: { type: 'string', default: '' },
        email: { type: 'string', default: '' },
      },
    });
    if (!values.code || !values.name || !values.short || !values['credit-code'])
      throw new AppError(64, 'USAGE', '需要 --code、--name、--short 和 --credit-code');
    return withServices(async (services) => {
      let parentAgencyId: string | null = null;
      if (values.parent) {
        const parent = await services.accounts.agencyByCode(values.parent);
        if (!parent) throw new AppError(404, 'AGENCY_NOT_FOUND', `找不到上级机关 ${values.parent}`);
        parentAgencyId = parent.id;
      }
      const agency = await services.accounts.createAgency(cliActor(), {
        code: values.code!, name: values.name!, shortName: values.short!, creditCode: values['credit-code']!,
        parentAgencyId, address: values.address, phone: values.phone, email: values.email,
      });
      await services.accounts.createDepartment(cliActor(), agency.id, '办公室', { isDisclosureOffice: true });
      console.log(`已创建机关 ${agency.name}（代码 ${agency.code}），并建立公开办（办公室）`);
      return 0;
    });
  },
};
