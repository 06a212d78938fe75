// The queries of reply files, their redaction marks and deliveries: the only file of this
// feature that touches Kysely.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReplyDeliveryTable, ReplyFileRedactionTable, ReplyFileTable } from '../../core/db/schema.ts';

export function replyFilesRepository(db: DbOrTrx) {
  return {
    insertFile: (row: ReplyFileTable) => db.insertInto('replyFiles').values(row).execute(),
    fileById: (id: string) => db.selectFrom('replyFiles').selectAll().where('id', '=', id).executeTakeFirst(),
    filesOf: (requestId: string) => db.selectFrom('replyFiles').selectAll().where('requestId', '=', requestId).orderBy('createdAt').orderBy('id').execute(),
    async countFiles(requestId: string): Promise<number> {
      const r = await db.selectFrom('replyFiles').select((eb) => eb.fn.countAll().as('n')).where('requestId', '=', requestId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    deleteFile: (id: string) => db.deleteFrom('replyFiles').where('id', '=', id).execute(),
    setRedacted: (id: string, patch: Pick<ReplyFileTable, 'redactedSha256' | 'redactedSize' | 'redactedAt' | 'redactedBy'>) =>
      db.updateTable('replyFiles').set(patch).where('id', '=', id).execute(),

    insertRedaction: (row: ReplyFileRedactionTable) => db.insertInto('replyFileRedactions').values(row).execute(),
    /** True when the mark existed on this file. */
    async deleteRedaction(id: string, fileId: string): Promise<boolean> {
      const r = await db.deleteFrom('replyFileRedactions').where('id', '=', id).where('replyFileId', '=', fileId).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    redactionsOf: (fileId: string) => db.selectFrom('replyFileRedactions').selectAll().where('replyFileId', '=', fileId).orderBy('createdAt').orderBy('id').execute(),

    /** The items of the reply (their outcomes decide which copy of a file goes out). */
    replyItemsOf: (requestId: string) =>
      db.selectFrom('replyItems').select(['id', 'position', 'description', 'outcome', 'reason']).where('requestId', '=', requestId).orderBy('position').execute(),

    insertDelivery: (row: ReplyDeliveryTable) => db.insertInto('replyDeliveries').values(row).execute(),
    deliveryOf: (requestId: string) => db.selectFrom('replyDeliveries').selectAll().where('requestId', '=', requestId).executeTakeFirst(),
    /** Sets the first download once; true when this call was the first. */
    async markFirstDownload(requestId: string, at: string): Promise<boolean> {
      const r = await db.updateTable('replyDeliveries').set({ firstDownloadedAt: at }).where('requestId', '=', requestId).where('firstDownloadedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type ReplyFilesRepository = ReturnType<typeof replyFilesRepository>;
