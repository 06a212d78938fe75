// Clarifications (澄清, 条例 第六条): an item that corrects false or incomplete information in
// circulation, linked to what it corrects (one of the agency's published items and/or a
// description and URL of the circulating information). Marking a draft as a clarification puts
// it on the fast review path (review/clarification.path.ts).
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import type { OfficeRecordsDeps } from './coordination.service.ts';
import type { ClarificationDetail, ClarificationInput } from './office-records.contract.ts';
import { officeRecordsRepository } from './office-records.repository.ts';
import { clarificationInput } from './office-records.schemas.ts';

export function createClarificationsService(deps: OfficeRecordsDeps) {
  const { db, clock } = deps;

  async function detail(itemId: string, opts: { publicOnly: boolean }): Promise<ClarificationDetail | null> {
    const repo = officeRecordsRepository(db);
    const row = await repo.clarification(itemId);
    if (!row) return null;
    const target = row.correctsItemId ? await repo.item(row.correctsItemId) : undefined;
    const visible = target && (!opts.publicOnly || (target.status === 'published' && target.scope === 'public'));
    return {
      itemId, correctsItemId: visible ? row.correctsItemId : null, correctsTitle: visible ? target.title : null,
      circulatingInfo: row.circulatingInfo, circulatingUrl: row.circulatingUrl,
    };
  }

  return {
    /** Marks (or re-describes) a draft as a clarification. */
    async mark(actor: StaffActor, itemId: string, input: ClarificationInput): Promise<ClarificationDetail> {
      const parsed = clarificationInput.safeParse(input ?? {});
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
      const v = parsed.data;
      await db.transaction().execute(async (trx) => {
        const repo = officeRecordsRepository(trx);
        const item = await repo.item(itemId);
        if (!item || item.agencyId !== actor.user.agencyId) throw notFound('信息不存在');
        const own = hasRole(actor.user, 'drafter', 'departmentHead') && actor.user.departmentId === item.departmentId;
        if (!own && !hasRole(actor.user, 'officer')) throw forbidden('只有本科室人员或公开办可以标记澄清信息');
        // The fast path starts at submission: an item already in review keeps the path it is on.
        if (item.status !== 'draft') throw conflict('ITEM_NOT_DRAFT', '只有草稿可以标记为澄清信息');
        if (v.correctsItemId) {
          const target = await repo.item(v.correctsItemId);
          if (!target || target.agencyId !== item.agencyId || target.status !== 'published' || target.id === itemId)
            throw validationFailed([{ field: 'correctsItemId', message: '所澄清的信息须为本机关已发布的信息' }]);
        }
        const at = nowIso(clock);
        const before = await repo.clarification(itemId);
        await repo.saveClarification({ itemId, agencyId: item.agencyId, ...v, createdAt: before?.createdAt ?? at, updatedAt: at });
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.clarification', subjectType: 'item', subjectId: itemId, agencyId: item.agencyId,
          before: before ? { correctsItemId: before.correctsItemId, circulatingInfo: before.circulatingInfo, circulatingUrl: before.circulatingUrl } : undefined,
          after: v,
        });
      });
      return (await detail(itemId, { publicOnly: false }))!;
    },

    async forStaff(actor: StaffActor, itemId: string): Promise<ClarificationDetail | null> {
      const item = await officeRecordsRepository(db).item(itemId);
      if (!item || item.agencyId !== actor.user.agencyId) return null;
      return detail(itemId, { publicOnly: false });
    },

    /** For the portal: only published items, and the corrected item only when the public may see it. */
    async forPublic(itemId: string): Promise<ClarificationDetail | null> {
      const item = await officeRecordsRepository(db).item(itemId);
      if (!item || item.status !== 'published' || item.scope !== 'public') return null;
      return detail(itemId, { publicOnly: true });
    },
  };
}

export type ClarificationsService = ReturnType<typeof createClarificationsService>;
