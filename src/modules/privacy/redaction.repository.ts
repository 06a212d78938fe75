// The only file of the redaction feature that touches Kysely: the area log and the redacted copies.
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RedactedCopyTable, RedactionTable } from '../../core/db/schema.ts';

export type RedactionRow = Selectable<RedactionTable>;
export type RedactedCopyRow = Selectable<RedactedCopyTable>;

export function redactionRepository(db: DbOrTrx) {
  return {
    insertArea: (row: RedactionRow) => db.insertInto('redactions').values(row).execute(),

    areasOf: (attachmentId: string) =>
      db.selectFrom('redactions').selectAll().where('attachmentId', '=', attachmentId).orderBy('page').orderBy('createdAt').orderBy('id').execute(),

    areasOfItem: (itemId: string) =>
      db.selectFrom('redactions').selectAll().where('itemId', '=', itemId).orderBy('attachmentId').orderBy('page').orderBy('createdAt').orderBy('id').execute(),

    area: (id: string) => db.selectFrom('redactions').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Only areas not yet in a published copy may be withdrawn; applied ones are history. */
    async deletePendingArea(id: string, attachmentId: string): Promise<boolean> {
      const r = await db.deleteFrom('redactions').where('id', '=', id).where('attachmentId', '=', attachmentId).where('appliedAt', 'is', null).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    markApplied: (attachmentId: string, at: string) =>
      db.updateTable('redactions').set({ appliedAt: at }).where('attachmentId', '=', attachmentId).where('appliedAt', 'is', null).execute(),

    copiesOf: (attachmentIds: string[]) =>
      attachmentIds.length ? db.selectFrom('redactedCopies').selectAll().where('attachmentId', 'in', attachmentIds).execute() : Promise.resolve([]),

    copyOf: (attachmentId: string) => db.selectFrom('redactedCopies').selectAll().where('attachmentId', '=', attachmentId).executeTakeFirst(),

    async saveCopy(row: RedactedCopyRow): Promise<void> {
      await db.deleteFrom('redactedCopies').where('attachmentId', '=', row.attachmentId).execute();
      await db.insertInto('redactedCopies').values(row).execute();
    },
  };
}

/** For the catalog's public download and search index: the redacted copy that replaces an attachment. */
export async function redactedCopyOf(db: DbOrTrx, attachmentId: string): Promise<{ sha256: string; size: number; textContent: string } | undefined> {
  return db.selectFrom('redactedCopies').select(['sha256', 'size', 'textContent']).where('attachmentId', '=', attachmentId).executeTakeFirst();
}
