// The de-identified public copy of an item (migration 20261122030000): the privacy module's
// screening writes it, publication and the public reads use it. Null means "the original".
import type { DbOrTrx } from '../../core/db/database.ts';

export interface ScreeningSubject {
  id: string;
  agencyId: string;
  title: string;
  status: string;
  bodyHtml: string;
  attachments: { id: string; filename: string; mediaType: string; textContent: string }[];
}

export function publicCopyRepository(db: DbOrTrx) {
  return {
    async screeningSubject(itemId: string): Promise<ScreeningSubject | undefined> {
      const item = await db.selectFrom('items').select(['id', 'agencyId', 'title', 'status', 'bodyHtml']).where('id', '=', itemId).executeTakeFirst();
      if (!item) return undefined;
      const attachments = await db
        .selectFrom('attachments').select(['id', 'filename', 'mediaType', 'textContent']).where('itemId', '=', itemId).orderBy('createdAt').execute();
      return { ...item, attachments };
    },
    async setPublicBody(itemId: string, copy: { html: string; text: string } | null): Promise<void> {
      await db.updateTable('items').set({ publicBodyHtml: copy?.html ?? null, publicBodyText: copy?.text ?? null }).where('id', '=', itemId).execute();
    },
    async setAttachmentPublicText(attachmentId: string, text: string | null): Promise<void> {
      await db.updateTable('attachments').set({ publicTextContent: text }).where('id', '=', attachmentId).execute();
    },
    async clearAttachmentsPublicText(itemId: string): Promise<void> {
      await db.updateTable('attachments').set({ publicTextContent: null }).where('itemId', '=', itemId).execute();
    },
    /** The attachments' text as the public may search it (masked where screening masked it). */
    async publicAttachmentsText(itemId: string): Promise<string> {
      // A redacted copy (privacy module, 区分处理) is what the public downloads: its text wins.
      const rows = await db.selectFrom('attachments').leftJoin('redactedCopies', 'redactedCopies.attachmentId', 'attachments.id')
        .select(['attachments.textContent', 'attachments.publicTextContent', 'redactedCopies.textContent as redactedText'])
        .where('attachments.itemId', '=', itemId).orderBy('attachments.createdAt').execute();
      return rows.map((r) => r.redactedText ?? r.publicTextContent ?? r.textContent).filter(Boolean).join('\n');
    },
  };
}
