// Opens the services for a CLI command and closes them afterwards.
import { loadConfig } from '../config.ts';
import { systemActor } from '../core/audit/audit.ts';
import { AppError } from '../core/errors.ts';
import { createServices, type Services } from '../services.ts';

export async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const services = await createServices(loadConfig());
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

export const cliActor = () => systemActor(`命令行(${process.env.USER ?? 'unknown'})`);

/** `--agency CODE` (code or credit code), defaulting to the first agency created. */
export async function resolveAgency(services: Services, code: string | undefined) {
  const agency = code ? await services.accounts.agencyByCode(code) : await services.accounts.firstAgency();
  if (!agency) throw new AppError(404, 'AGENCY_NOT_FOUND', code ? `找不到机关 ${code}` : '尚未创建任何机关');
  return agency;
}
