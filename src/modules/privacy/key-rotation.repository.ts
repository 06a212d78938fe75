// The encrypted columns that key rotation rewrites: applicants' identity and phone numbers
// (requests) and screening findings. Read in id order, page by page.
import type { DbOrTrx } from '../../core/db/database.ts';

export function keyRotationRepository(db: DbOrTrx) {
  return {
    requestsAfter: (afterId: string, limit: number) =>
      db.selectFrom('requests').select(['id', 'idNumberEnc', 'idNumberIndex', 'agentIdNumberEnc', 'phone', 'phoneEnc'])
        .where('id', '>', afterId).orderBy('id').limit(limit).execute(),
    updateRequest: (id: string, patch: { idNumberEnc: string; idNumberIndex: string; agentIdNumberEnc: string; phone: string; phoneEnc: string }) =>
      db.updateTable('requests').set(patch).where('id', '=', id).execute(),
    findingsAfter: (afterId: string, limit: number) =>
      db.selectFrom('privacyFindings').select(['id', 'textEnc']).where('id', '>', afterId).orderBy('id').limit(limit).execute(),
    updateFinding: (id: string, textEnc: string) => db.updateTable('privacyFindings').set({ textEnc }).where('id', '=', id).execute(),
  };
}
