// The database half of a backup: a consistent online snapshot and the row count of every table,
// read from that same snapshot. SQLite: better-sqlite3's online backup API (pages copied while
// the server keeps writing; WAL readers are not blocked). PostgreSQL: a REPEATABLE READ
// transaction exports its snapshot, the counts are read inside it and `pg_dump --snapshot` dumps
// exactly that state, so the manifest's counts and the dump always agree. The files the snapshot
// references (references.ts) are read from that same state too.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import { postgresReferences, sqliteReferences, type ReferencedFiles } from './references.ts';

export const run = promisify(execFile);

export type TableCounts = Record<string, number>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function countSqliteTables(file: string): TableCounts {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const names = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const counts: TableCounts = {};
    for (const name of names) counts[name] = Number(sqlite.prepare(`select count(*) from ${quoteIdent(name)}`).pluck().get());
    return counts;
  } finally {
    sqlite.close();
  }
}

export async function countPostgresTables(client: pg.Client | pg.PoolClient): Promise<TableCounts> {
  const { rows } = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: TableCounts = {};
  for (const { table_name: name } of rows) {
    const res = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(name)}`);
    counts[name] = Number(res.rows[0].n);
  }
  return counts;
}

export interface Snapshot {
  tables: TableCounts;
  /** The newest migration applied in the snapshot. */
  schemaVersion: string;
  /** Every attachment-store file the snapshot's rows name. */
  references: ReferencedFiles;
}

/** Writes the snapshot to `target` and returns the counts of the snapshot's tables. */
export async function snapshotDatabase(config: DatabaseConfig, target: string): Promise<Snapshot> {
  if (config.kind === 'sqlite') {
    const source = new SqliteDatabase(config.file, { fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    const tables = countSqliteTables(target);
    const copy = new SqliteDatabase(target, { readonly: true });
    try {
      const schemaVersion = String(copy.prepare('select max(name) from kysely_migration').pluck().get() ?? '');
      return { tables, schemaVersion, references: sqliteReferences(copy, Object.keys(tables)) };
    } finally {
      copy.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const tables = await countPostgresTables(client);
    const version = await client.query<{ name: string | null }>('select max(name) as name from kysely_migration');
    const references = await postgresReferences(client, Object.keys(tables));
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', `--snapshot=${rows[0].id}`, `--file=${target}`, `--dbname=${config.url}`]);
    await client.query('commit');
    return { tables, schemaVersion: version.rows[0].name ?? '', references };
  } finally {
    await client.end();
  }
}

/** Is the target database empty (no tables)? A restore refuses a non-empty one without --force. */
export async function databaseIsEmpty(config: DatabaseConfig, exists: (file: string) => boolean): Promise<boolean> {
  if (config.kind === 'sqlite') return !exists(config.file) || Object.keys(countSqliteTables(config.file)).length === 0;
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    return Object.keys(await countPostgresTables(client)).length === 0;
  } finally {
    await client.end();
  }
}
