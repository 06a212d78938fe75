// Screening findings and the sensitive-word lexicon (migration 20261122030000).
import type { DbOrTrx } from '../../core/db/database.ts';
import type { PrivacyFindingTable, SensitiveWordTable } from '../../core/db/schema.ts';

export type FindingRow = PrivacyFindingTable;

export function privacyRepository(db: DbOrTrx) {
  return {
    insertFindings: (rows: FindingRow[]) => (rows.length ? db.insertInto('privacyFindings').values(rows).execute() : Promise.resolve([])),
    deleteFindingsOf: (itemId: string) => db.deleteFrom('privacyFindings').where('itemId', '=', itemId).execute(),
    findingsOf: (itemId: string) =>
      db.selectFrom('privacyFindings').selectAll().where('itemId', '=', itemId).orderBy('subjectType', 'desc').orderBy('subjectId').orderBy('startOffset').execute(),
    findingById: (id: string) => db.selectFrom('privacyFindings').selectAll().where('id', '=', id).executeTakeFirst(),
    maskedOf: (itemId: string, subjectType: FindingRow['subjectType'], subjectId: string) =>
      db.selectFrom('privacyFindings').select(['startOffset', 'endOffset', 'maskedText']).where('itemId', '=', itemId)
        .where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).where('decision', '=', 'masked').orderBy('startOffset').execute(),
    async pendingCount(itemId: string): Promise<number> {
      const r = await db.selectFrom('privacyFindings').select((eb) => eb.fn.countAll().as('n')).where('itemId', '=', itemId).where('decision', '=', 'pending').executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    /** Attachments with a masked finding but no redacted copy: masking a file means redacting it. */
    async attachmentsMaskedWithoutCopy(itemId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('privacyFindings')
        .select('subjectLabel')
        .distinct()
        .where('itemId', '=', itemId)
        .where('subjectType', '=', 'attachment')
        .where('decision', '=', 'masked')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('redactedCopies').select('attachmentId').whereRef('redactedCopies.attachmentId', '=', 'privacyFindings.subjectId'))),
        )
        .execute();
      return rows.map((r) => r.subjectLabel);
    },
    decide: (id: string, patch: Pick<FindingRow, 'decision' | 'reason' | 'decidedBy' | 'decidedByName' | 'decidedAt'>) =>
      db.updateTable('privacyFindings').set(patch).where('id', '=', id).execute(),

    words: () => db.selectFrom('sensitiveWords').selectAll().orderBy('category').orderBy('word').execute(),
    wordById: (id: string) => db.selectFrom('sensitiveWords').selectAll().where('id', '=', id).executeTakeFirst(),
    insertWord: (row: SensitiveWordTable) => db.insertInto('sensitiveWords').values(row).execute(),
    deleteWord: (id: string) => db.deleteFrom('sensitiveWords').where('id', '=', id).execute(),
  };
}
