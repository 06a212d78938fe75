// Writes of the ledger import: the imported requests, in batches inside the caller's transaction.
// The requests table belongs to the requests module; this is its one bulk writer for rows that
// never went through intake (imported = 1), kept here so that the import is one transaction.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestTable } from '../../core/db/schema.ts';

const LOOKUP_CHUNK = 500;
const INSERT_BATCH = 200;

export function ledgerImportRepository(db: DbOrTrx) {
  return {
    /** Which of these tracking codes already exist (for any agency: tracking codes are unique). */
    async existingTrackingCodes(codes: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < codes.length; i += LOOKUP_CHUNK) {
        const chunk = codes.slice(i, i + LOOKUP_CHUNK);
        if (!chunk.length) continue;
        const rows = await db.selectFrom('requests').select('trackingCode').where('trackingCode', 'in', chunk).execute();
        for (const r of rows) found.add(r.trackingCode);
      }
      return found;
    },
    async insertRequests(rows: readonly RequestTable[]): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) await db.insertInto('requests').values(rows.slice(i, i + INSERT_BATCH)).execute();
    },
  };
}
