// gongkai backup FILE: a consistent online snapshot of the database and every file of the
// attachment store (DATA_DIR/attachments or the S3 bucket) in one archive (see core/backup/backup.ts).
// gongkai restore FILE|--latest [--force]: into an empty database and attachment store (the ones
// DATA_DIR / DATABASE_URL / S3_BUCKET select); a restore that fails leaves the database as it was
// and exits 1 with a message saying so (core/backup/restore.ts).
import { createBackup, latestBackup } from '../core/backup/backup.ts';
import { restoreBackup } from '../core/backup/restore.ts';
import { systemClock } from '../core/time/clock.ts';
import { loadConfig } from '../config.ts';
import type { CliCommand } from './commands.ts';

export const backupCommand: CliCommand = {
  summary: '备份数据库与附件到一个文件 (online backup) FILE',
  async run(args) {
    const file = args[0];
    if (!file) {
      console.error('用法：gongkai backup FILE');
      return 64;
    }
    const manifest = await createBackup(loadConfig(), systemClock, file);
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const from = manifest.fileStore === 's3' ? 'S3 存储' : '附件目录';
    console.log(`已备份到 ${file}：${Object.keys(manifest.tables).length} 个表 ${rows} 行，${manifest.files.length} 个附件（来自${from}），结构版本 ${manifest.schemaVersion}`);
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  summary: '从备份文件恢复到空的数据库与附件存储 (restore) FILE|--latest [--force]',
  async run(args) {
    const config = loadConfig();
    const file = args.includes('--latest') ? latestBackup(config.backupDir) : args.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error(args.includes('--latest') ? `${config.backupDir} 中没有每日备份` : '用法：gongkai restore FILE|--latest [--force]');
      return 64;
    }
    // The restore works below the services: they would run migrations on the empty target first.
    const manifest = await restoreBackup(config, file, { force: args.includes('--force') });
    console.log(`已从 ${file} 恢复（备份于 ${manifest.createdAt}）：${Object.keys(manifest.tables).length} 个表的行数与 ${manifest.files.length} 个附件均已核对`);
    return 0;
  },
};
