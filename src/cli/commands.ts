// The table of CLI commands: each in its own file, each returning an exit code.
import { agenciesAddCommand } from './agencies-add.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { auditDigestCommand } from './audit-digest.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { calendarDueCommand } from './calendar-due.ts';
import { itemsImportCommand } from './items-import.ts';
import { privacyRotateKeysCommand } from './privacy-rotate-keys.ts';
import { privacyScanCommand } from './privacy-scan.ts';
import { reportAnnualCommand } from './report-annual.ts';
import { requestsImportCommand } from './requests-import.ts';
import { searchReindexCommand } from './search-reindex.ts';
import { tamperCheckCommand } from './tamper-check.ts';
import { usersAddCommand } from './users-add.ts';

export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, CliCommand> = {
  'agencies add': agenciesAddCommand,
  'users add': usersAddCommand,
  'audit verify': auditVerifyCommand,
  'audit digest': auditDigestCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'calendar due': calendarDueCommand,
  'items import': itemsImportCommand,
  'privacy scan': privacyScanCommand,
  'privacy rotate-keys': privacyRotateKeysCommand,
  'report annual': reportAnnualCommand,
  'requests import': requestsImportCommand,
  'search reindex': searchReindexCommand,
  'tamper check': tamperCheckCommand,
};
