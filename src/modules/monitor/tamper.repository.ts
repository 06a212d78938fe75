// The tamper monitor's SQL: the public snapshot of an item (with the file the public downloads),
// fingerprints and the registry of fingerprinted items, idempotent alert and notification rows.
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

    /** Records the fingerprint (replacing the item's previous one unless `onlyIfMissing`) and registers the item for good. */
    async saveFingerprint(row: PublishedFingerprintTable, opts: { onlyIfMissing?: boolean } = {}): Promise<boolean> {
      const { itemId: _key, ...rest } = row;
      const r = await db.insertInto('publishedFingerprints').values(row)
        .onConflict((oc) => (opts.onlyIfMissing ? oc.column('itemId').doNothing() : oc.column('itemId').doUpdateSet(rest))).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await db.insertInto('tamperRegistry').values({ itemId: row.itemId, agencyId: row.agencyId, firstRecordedAt: row.recordedAt, firstRecordedBy: row.recordedBy })
        .onConflict((oc) => oc.column('itemId').doNothing()).execute();
      return true;
    },

    async retire(itemId: string, at: string): Promise<void> {
      await db.updateTable('publishedFingerprints').set({ retiredAt: at }).where('itemId', '=', itemId).where('retiredAt', 'is', null).execute();
    },

    async activeItemIds(agencyId?: string): Promise<string[]> {
      let q = db.selectFrom('publishedFingerprints').select('itemId').where('retiredAt', 'is', null);
      if (agencyId) q = q.where('agencyId', '=', agencyId);
      return (await q.orderBy('itemId').execute()).map((r) => r.itemId);
    },

    /**
     * Published items without a fingerprint, with their registry entry: none means the monitor never
     * saw the item published (a baseline is due), one means its fingerprint was deleted.
     */
    unfingerprinted(agencyId?: string) {
      let q = db.selectFrom('items').leftJoin('publishedFingerprints', 'publishedFingerprints.itemId', 'items.id')
        .leftJoin('tamperRegistry', 'tamperRegistry.itemId', 'items.id')
        .select(['items.id', 'items.agencyId', 'items.title', 'items.version', 'tamperRegistry.firstRecordedAt as registeredAt'])
        .where('items.status', '=', 'published').where('publishedFingerprints.itemId', 'is', null);
      if (agencyId) q = q.where('items.agencyId', '=', agencyId);
      return q.orderBy('items.id').execute();
    },

    /** Published items whose fingerprint was retired by a 撤稿: nothing in the application publishes them again. */
    republished(agencyId?: string) {
      let q = db.selectFrom('items').innerJoin('publishedFingerprints', 'publishedFingerprints.itemId', 'items.id')
        .select(['items.id', 'items.agencyId', 'items.title', 'items.version', 'publishedFingerprints.retiredAt'])
        .where('items.status', '=', 'published').where('publishedFingerprints.retiredAt', 'is not', null);
      if (agencyId) q = q.where('items.agencyId', '=', agencyId);
      return q.orderBy('items.id').execute();
    },

    /** Baselines the office has not checked yet, newest first (at most `limit`), and how many there are. */
    async pendingBaselines(agencyId: string, limit: number) {
      const base = db.selectFrom('publishedFingerprints').where('publishedFingerprints.agencyId', '=', agencyId).where('origin', '=', 'baseline')
        .where('baselineCheckedAt', 'is', null).where('retiredAt', 'is', null);
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
        base.innerJoin('items', 'items.id', 'publishedFingerprints.itemId')
          .select(['publishedFingerprints.itemId', 'items.title', 'items.docNumber', 'items.publishedOn', 'publishedFingerprints.recordedAt'])
          .orderBy('publishedFingerprints.recordedAt', 'desc').orderBy('publishedFingerprints.itemId').limit(limit).execute(),
      ]);
      return { count: Number(count.n), rows };
    },

    async markBaselineChecked(itemId: string, at: string, by: string): Promise<boolean> {
      const r = await db.updateTable('publishedFingerprints').set({ baselineCheckedAt: at, baselineCheckedBy: by })
        .where('itemId', '=', itemId).where('origin', '=', 'baseline').where('baselineCheckedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async insertAlert(row: TamperAlertTable): Promise<boolean> {
      const r = await db.insertInto('tamperAlerts').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async insertNotification(row: NotificationTable): Promise<void> {
      await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).execute();
    },

    disclosureOffice: (agencyId: string) =>
      db.selectFrom('departments').select('id').where('agencyId', '=', agencyId).where('isDisclosureOffice', '=', 1).orderBy('sortOrder').executeTakeFirst(),

    /** An agency's alerts (all agencies' for the command line), newest first. */
    alerts: (agencyId: string | undefined, open: boolean) => {
      let q = db.selectFrom('tamperAlerts').selectAll();
      if (agencyId) q = q.where('agencyId', '=', agencyId);
      if (open) q = q.where('resolvedAt', 'is', null);
      return q.orderBy('detectedAt', 'desc').orderBy('id', 'desc').limit(500).execute();
    },

    async openAlertCount(agencyId?: string): Promise<number> {
      let q = db.selectFrom('tamperAlerts').select((eb) => eb.fn.countAll().as('n')).where('resolvedAt', 'is', null);
      if (agencyId) q = q.where('agencyId', '=', agencyId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },

    openAlertsOfItem: (itemId: string) =>
      db.selectFrom('tamperAlerts').selectAll().where('itemId', '=', itemId).where('resolvedAt', 'is', null).orderBy('id').execute(),

    alert: (id: string) => db.selectFrom('tamperAlerts').selectAll().where('id', '=', id).executeTakeFirst(),

    async resolve(id: string, patch: Pick<TamperAlertTable, 'resolvedAt' | 'resolvedBy' | 'resolvedByName' | 'resolution' | 'resolutionNote'>): Promise<boolean> {
      const r = await db.updateTable('tamperAlerts').set(patch).where('id', '=', id).where('resolvedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
