// The tamper monitor's SQL: the public snapshot of an item (with the file the public downloads),
// fingerprints, idempotent alert and notification rows.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { NotificationTable, PublishedFingerprintTable, TamperAlertTable } from '../../core/db/schema.ts';
import type { PublicSnapshot } from './tamper.fingerprint.ts';

export function tamperRepository(db: DbOrTrx) {
  return {
    async snapshot(itemId: string): Promise<PublicSnapshot | undefined> {
      const row = await db.selectFrom('items')
        .select(['agencyId', 'columnId', 'status', 'title', 'docNumber', 'issuers', 'writtenOn', 'topic', 'summary', 'bodyHtml', 'publicBodyHtml',
          'indexNumber', 'publishedOn', 'validity', 'repealedOn', 'scope', 'version'])
        .where('id', '=', itemId).executeTakeFirst();
      if (!row) return undefined;
      const files = await db.selectFrom('attachments').leftJoin('redactedCopies', 'redactedCopies.attachmentId', 'attachments.id')
        .select(['attachments.id', 'attachments.filename', 'attachments.mediaType', 'attachments.sha256', 'redactedCopies.sha256 as redactedSha256'])
        .where('attachments.itemId', '=', itemId).execute();
      return {
        ...row, publicBodyHtml: row.publicBodyHtml ?? null, version: Number(row.version),
        attachments: files.map((f) => ({ attachmentId: f.id, filename: f.filename, mediaType: f.mediaType, sha256: f.redactedSha256 ?? f.sha256 })),
      };
    },

    fingerprint: (itemId: string) => db.selectFrom('publishedFingerprints').selectAll().where('itemId', '=', itemId).executeTakeFirst(),

    async saveFingerprint(row: PublishedFingerprintTable): Promise<void> {
      const { itemId: _key, ...rest } = row;
      await db.insertInto('publishedFingerprints').values(row).onConflict((oc) => oc.column('itemId').doUpdateSet(rest)).execute();
    },

    async retire(itemId: string, at: string): Promise<void> {
      await db.updateTable('publishedFingerprints').set({ retiredAt: at }).where('itemId', '=', itemId).where('retiredAt', 'is', null).execute();
    },

    activeItemIds: async () =>
      (await db.selectFrom('publishedFingerprints').select('itemId').where('retiredAt', 'is', null).orderBy('itemId').execute()).map((r) => r.itemId),

    /** Published items the monitor has no fingerprint for (published before it existed). */
    unfingerprinted: async () =>
      (await db.selectFrom('items').leftJoin('publishedFingerprints', 'publishedFingerprints.itemId', 'items.id')
        .select('items.id').where('items.status', '=', 'published').where('publishedFingerprints.itemId', 'is', null).execute()).map((r) => r.id),

    async insertAlert(row: TamperAlertTable): Promise<boolean> {
      const r = await db.insertInto('tamperAlerts').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async insertNotification(row: NotificationTable): Promise<void> {
      await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).execute();
    },

    disclosureOffice: (agencyId: string) =>
      db.selectFrom('departments').select('id').where('agencyId', '=', agencyId).where('isDisclosureOffice', '=', 1).orderBy('sortOrder').executeTakeFirst(),

    alerts: (agencyId: string, open: boolean) => {
      let q = db.selectFrom('tamperAlerts').selectAll().where('agencyId', '=', agencyId);
      if (open) q = q.where('resolvedAt', 'is', null);
      return q.orderBy('detectedAt', 'desc').orderBy('id', 'desc').limit(500).execute();
    },

    alert: (id: string) => db.selectFrom('tamperAlerts').selectAll().where('id', '=', id).executeTakeFirst(),

    async resolve(id: string, patch: Pick<TamperAlertTable, 'resolvedAt' | 'resolvedBy' | 'resolvedByName' | 'resolution' | 'resolutionNote'>): Promise<boolean> {
      const r = await db.updateTable('tamperAlerts').set(patch).where('id', '=', id).where('resolvedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
