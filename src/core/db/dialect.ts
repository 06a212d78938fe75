// The few places where SQLite and PostgreSQL differ, behind one function each.
import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTrx, DialectName } from './database.ts';

/** Case-insensitive substring match operator. */
export function likeOperator(dialect: DialectName): 'like' | 'ilike' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/** Escape % and _ for a LIKE pattern (with ESCAPE '\'). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Run a raw statement (used by migrations for dialect-specific DDL). */
export async function execRaw(db: DbOrTrx, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

/** Which database a Kysely instance talks to (migrations need it for dialect-specific DDL). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
