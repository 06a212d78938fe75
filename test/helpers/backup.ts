// Comparing a restored database and attachment store with the original, for the backup tests.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/core/db/database.ts';
import type { FileStore } from '../../src/core/files/file-store.ts';

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
