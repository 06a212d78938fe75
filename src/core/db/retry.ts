// A short transaction retried when PostgreSQL chose it as a deadlock victim or could not serialize
// it: the batches of `gongkai search reindex` run beside the live application, whose publication
// transactions lock the same rows; a retried batch simply re-reads them.
import type { Db, DbOrTrx } from './database.ts';

const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export async function transactionWithRetry<T>(db: Db, fn: (trx: DbOrTrx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(String((err as { code?: unknown }).code))) throw err;
    }
  }
}
