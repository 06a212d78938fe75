// gongkai search reindex [--only catalog|messages] [--batch N]: rebuilds the search indexes from the
// published records, after a change of the word segmentation (src/core/text/segment.ts) or an index
// found damaged. Safe while the app serves: short transactions of N records each, and neither
// index is emptied first (README, "Command line").
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { rebuildCatalogSearchIndex } from '../modules/catalog/index.ts';
import { rebuildMessageSearchIndex } from '../modules/participation/index.ts';
import type { CliCommand } from './commands.ts';
import { withServices } from './context.ts';

const TARGETS = ['catalog', 'messages'] as const;

export const searchReindexCommand: CliCommand = {
  summary: '重建全文检索索引（已发布信息、留言选登）[--only catalog|messages] [--batch N]',
  async run(args) {
    const { values } = parseArgs({ args, options: { only: { type: 'string' }, batch: { type: 'string' } } });
    const only = values.only;
    if (only !== undefined && !(TARGETS as readonly string[]).includes(only)) throw new AppError(64, 'USAGE', '--only 须为 catalog 或 messages');
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)) throw new AppError(64, 'USAGE', '--batch 须为 1 到 10000 之间的整数');
    return withServices(async (services) => {
      const { db } = services.database;
      if (only !== 'messages') {
        const r = await rebuildCatalogSearchIndex({ db, search: services.search }, {
          batchSize,
          onBatch: (p) => console.log(`已发布信息：已重建 ${p.indexed} 条，移除失效条目 ${p.removed} 条`),
        });
        console.log(`已发布信息索引重建完成：${r.indexed} 条，移除失效条目 ${r.removed} 条`);
      }
      if (only !== 'catalog') {
        const r = await rebuildMessageSearchIndex(db, {
          batchSize,
          onBatch: (p) => console.log(`留言选登：已重建 ${p.indexed} 条`),
        });
        console.log(`留言选登索引重建完成：${r.indexed} 条，移除失效条目 ${r.removed} 条`);
      }
      return 0;
    });
  },
};
