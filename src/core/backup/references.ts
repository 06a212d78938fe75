// Which rows name a file in the attachment store. A backup must hold every file its database
// snapshot references, or a restore would bring back published items, applications and replies
// (第三十六条 answers with the information provided) whose files cannot be served. The list is
// explicit; the backup test fails when a migration adds a sha256 column that is in neither list.
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';

export interface FileReference {
  table: string;
  column: string;
}

export const FILE_REFERENCES: readonly FileReference[] = [
  { table: 'attachments', column: 'sha256' },
  { table: 'request_attachments', column: 'sha256' },
  { table: 'redacted_copies', column: 'sha256' },
  { table: 'reply_files', column: 'sha256' },
  { table: 'reply_files', column: 'redacted_sha256' },
];

/** Hash columns that are not a stored file (a fingerprint over several values). */
export const NOT_FILE_REFERENCES: readonly FileReference[] = [{ table: 'published_fingerprints', column: 'content_sha256' }];

/** sha256 → the first `table.column` naming it, so an error can say what the missing file belongs to. */
export type ReferencedFiles = Map<string, string>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const selectOf = (r: FileReference) => `select distinct ${quoteIdent(r.column)} as sha from ${quoteIdent(r.table)} where ${quoteIdent(r.column)} is not null`;

function collect(into: ReferencedFiles, r: FileReference, shas: unknown[]): void {
  for (const sha of shas) if (!into.has(String(sha))) into.set(String(sha), `${r.table}.${r.column}`);
}

/** The references in a SQLite snapshot; `tables` are the snapshot's tables (an older schema may lack some). */
export function sqliteReferences(sqlite: SqliteDatabase.Database, tables: readonly string[]): ReferencedFiles {
  const found: ReferencedFiles = new Map();
  for (const r of FILE_REFERENCES) if (tables.includes(r.table)) collect(found, r, sqlite.prepare(selectOf(r)).pluck().all());
  return found;
}

/** The references seen by `client` (inside the backup's snapshot transaction). */
export async function postgresReferences(client: pg.Client | pg.PoolClient, tables: readonly string[]): Promise<ReferencedFiles> {
  const found: ReferencedFiles = new Map();
  for (const r of FILE_REFERENCES) {
    if (!tables.includes(r.table)) continue;
    const { rows } = await client.query<{ sha: string }>(selectOf(r));
    collect(found, r, rows.map((row) => row.sha));
  }
  return found;
}
