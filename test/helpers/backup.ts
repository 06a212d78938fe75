// Comparing a restored database and attachment store with the original, for the backup tests.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/core/db/database.ts';
import type { FileStore } from '../../src/core/files/file-store.ts';
import type { Services } from '../../src/services.ts';
import { createColumn, createFixture, draftInput, publishedItem } from '../factories.ts';
import { online } from '../requests/request-helpers.ts';
import { sampleDocx } from './sample-files.ts';

/** Every row of a table, each as its sorted column/value pairs, in a stable order. */
export async function allRows(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
}

/** Every row of every table of the restored database equals the source's. */
export async function assertSameRows(restoredConfig: DatabaseConfig, source: Db, tables: string[]): Promise<void> {
  const restored = openDatabase(restoredConfig);
  try {
    for (const table of tables) assert.deepEqual(await allRows(restored.db, table), await allRows(source, table), `table ${table}`);
  } finally {
    await restored.close();
  }
}

/** sha256 → bytes of every file in a store, in sha256 order. */
export async function storedFiles(store: FileStore): Promise<Map<string, Buffer>> {
  const shas: string[] = [];
  for await (const f of store.list()) shas.push(f.sha256);
  const out = new Map<string, Buffer>();
  for (const sha of shas.sort()) out.set(sha, await store.get(sha));
  return out;
}

/**
 * Data across modules for a backup to carry: the fixture, a published item, a draft with a DOCX
 * attachment, an online application, and a stored file that no row names.
 */
export async function seedBackupContent(s: Services): Promise<void> {
  const fx = await createFixture(s);
  const column = await createColumn(s, fx);
  await publishedItem(s, fx, column.id, { title: '关于公布2025年度基准地价的通知' });
  const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '征地补偿标准草稿' }));
  await s.catalog.addAttachment(fx.actor('drafter'), draft.id, { filename: '补偿标准.docx', bytes: sampleDocx({ paragraphs: ['补偿标准 第一页'] }) });
  await s.requests.apply(online(fx.agency.id), '203.0.113.9');
  await s.files.put(Buffer.from('独立附件内容'));
}
