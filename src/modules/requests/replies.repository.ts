// Queries of the reply: the covering row (request_replies) and its items (reply_items).
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReplyItemTable, RequestReplyTable } from '../../core/db/schema.ts';

export function repliesRepository(db: DbOrTrx) {
  return {
    replyOf: (requestId: string) => db.selectFrom('requestReplies').selectAll().where('requestId', '=', requestId).executeTakeFirst(),
    itemsOf: (requestId: string) => db.selectFrom('replyItems').selectAll().where('requestId', '=', requestId).orderBy('position').execute(),

    /** Saves the draft: the covering row and the items, replaced as a whole. */
    async saveDraft(reply: RequestReplyTable, items: ReplyItemTable[]): Promise<void> {
      const { requestId, ...rest } = reply;
      const updated = await db.updateTable('requestReplies').set(rest).where('requestId', '=', requestId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) await db.insertInto('requestReplies').values(reply).execute();
      await db.deleteFrom('replyItems').where('requestId', '=', requestId).execute();
      if (items.length) await db.insertInto('replyItems').values(items).execute();
    },

    markApproved: (requestId: string, patch: Pick<RequestReplyTable, 'approvedBy' | 'approvedByName' | 'approvedAt' | 'approvedOn' | 'noticeId' | 'noticeNumber'>) =>
      db.updateTable('requestReplies').set(patch).where('requestId', '=', requestId).execute(),

    /** Of `ids`, the published catalog items of the agency, with what a notice names. */
    /** Published items of the agency named by ID or by 索引号 (what the office may type in a reply). */
    publishedItems: (agencyId: string, refs: string[]) =>
      refs.length
        ? db
            .selectFrom('items')
            .select(['id', 'title', 'indexNumber'])
            .where('agencyId', '=', agencyId)
            .where('status', '=', 'published')
            .where((eb) => eb.or([eb('id', 'in', refs), eb('indexNumber', 'in', refs)]))
            .execute()
        : Promise.resolve([]),
  };
}
export type RepliesRepository = ReturnType<typeof repliesRepository>;
