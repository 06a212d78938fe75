// Changes to published information by the disclosure office: revision (the old version kept),
// repeal (a repeal notice falls due), historical import, and recomputing open deadlines when the
// working-day calendar changes.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { AppError, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { CalendarYearMissingError } from '../../core/time/calendar.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { carryMasks } from '../privacy/index.ts';
import type { ImportPublishedItemInput, ItemDetail, ItemDraftInput } from './catalog.contract.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, type CatalogDeps } from './catalog.deps.ts';
import { onField, publishDueOn, REPEAL_NOTICE_WORKING_DAYS } from './catalog.deadlines.ts';
import { parseIssuers } from './catalog.mapping.ts';
import { canChangePublished } from './catalog.policy.ts';
import { catalogRepository, type ItemRow } from './catalog.repository.ts';
import { importPublishedInput, itemDraftInput, parseOrFail, repealInput, reviseReason } from './catalog.schemas.ts';
import { attachmentText, checkAttachment } from './attachments.service.ts';
import { htmlToText } from './catalog.html.ts';
import { itemContentColumns } from './item-fields.ts';
import type { ItemQueries } from './item-query.service.ts';
import { markPublished, syncSearch } from './publication.ts';

/** The published fields kept for each earlier version. */
function snapshotOf(row: ItemRow) {
  return {
    title: row.title, docNumber: row.docNumber, issuers: parseIssuers(row.issuers), writtenOn: row.writtenOn, topic: row.topic,
    summary: row.summary, bodyHtml: row.bodyHtml, columnId: row.columnId, validity: row.validity, scope: row.scope,
    indexNumber: row.indexNumber, publishedOn: row.publishedOn, version: row.version, updatedAt: row.updatedAt,
  };
}

export function createPublishedChangesService(deps: CatalogDeps, queries: ItemQueries) {
  const { db, clock, calendar, files } = deps;
  const maxUploadBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  function publishedRow(row: ItemRow): void {
    if (row.status !== 'published') throw new AppError(409, 'ITEM_NOT_PUBLISHED', '只有已发布的信息可以修订或废止');
  }

  return {
    async revise(actor: StaffActor, id: string, input: ItemDraftInput, reason: string): Promise<ItemDetail> {
      authorize(canChangePublished(actor.user), '只有公开办可以修订已发布信息');
      const why = parseOrFail(reviseReason.transform((r) => r), reason);
      const v = parseOrFail(itemDraftInput, input);
      await db.transaction().execute(async (trx) => {
        const row = await queries.staffItem(actor, id, trx);
        publishedRow(row);
        const fields = await itemContentColumns(trx, calendar, row.agencyId, id, { ...v, departmentId: v.departmentId ?? row.departmentId }, row.approvedOn);
        if (fields.disclosureMode !== 'proactive') throw validationFailed([{ field: 'disclosureMode', message: '已发布信息的公开方式须为主动公开' }]);
        const repo = catalogRepository(trx);
        const at = nowIso(clock);
        await repo.insertVersion({ id: newId(), itemId: id, version: row.version, snapshot: JSON.stringify(snapshotOf(row)), createdBy: actor.user.id, createdAt: at });
        // The de-identified public copy (privacy screening) follows the revision: its masks are carried over.
        const publicBodyHtml = row.publicBodyHtml ? carryMasks(row.bodyHtml, row.publicBodyHtml, fields.bodyHtml) : null;
        const publicCopy = { publicBodyHtml, publicBodyText: publicBodyHtml === null ? null : htmlToText(publicBodyHtml) };
        await repo.updateItem(id, { ...fields, ...publicCopy, publishDueOn: row.publishDueOn, version: row.version + 1, updatedAt: at });
        await repo.setInterprets(id, v.interpretsItemIds);
        await syncSearch(deps, trx, id);
        await deps.onPublishedChange?.(trx, id, 'revise');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.revise', subjectType: 'item', subjectId: id, agencyId: row.agencyId,
          before: { version: row.version, title: row.title }, after: { version: row.version + 1, title: v.title, reason: why },
        });
      });
      return queries.getForStaff(actor, id);
    },

    async repeal(actor: StaffActor, id: string, input: { repealedOn: string; reason: string }): Promise<ItemDetail> {
      authorize(canChangePublished(actor.user), '只有公开办可以废止信息');
      const v = parseOrFail(repealInput, input);
      await db.transaction().execute(async (trx) => {
        const row = await queries.staffItem(actor, id, trx);
        publishedRow(row);
        if (row.validity === 'repealed') throw new AppError(409, 'ITEM_ALREADY_REPEALED', '该信息已废止');
        const cal = await calendar.get(trx);
        const dueOn = onField('repealedOn', () => cal.addWorkingDays(v.repealedOn, REPEAL_NOTICE_WORKING_DAYS));
        await catalogRepository(trx).updateItem(id, { validity: 'repealed', repealedOn: v.repealedOn, repealNoticeDueOn: dueOn, updatedAt: nowIso(clock) });
        await syncSearch(deps, trx, id);
        await deps.onPublishedChange?.(trx, id, 'repeal');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.repeal', subjectType: 'item', subjectId: id, agencyId: row.agencyId,
          before: { validity: row.validity }, after: { validity: 'repealed', repealedOn: v.repealedOn, repealNoticeDueOn: dueOn, reason: v.reason },
        });
      });
      return queries.getForStaff(actor, id);
    },

    /** Historical items that were published before this system: straight to published, audited as such. */
    async importPublished(actor: Actor, agencyId: string, input: ImportPublishedItemInput): Promise<ItemDetail> {
      const v = parseOrFail(importPublishedInput, input);
      const attachments: { filename: string; mediaType: string; sha256: string; size: number; textContent: string }[] = [];
      for (const a of v.attachments) {
        const checked = await checkAttachment(a.filename, a.bytes, maxUploadBytes);
        const stored = await files.put(a.bytes);
        attachments.push({ ...checked, ...stored, textContent: await attachmentText(checked.kind, a.bytes) });
      }
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const repo = catalogRepository(trx);
        const departments = await repo.departmentsOf(agencyId);
        const departmentId = v.departmentId ?? (departments.find((d) => d.isDisclosureOffice === 1) ?? departments[0])?.id;
        if (!departmentId) throw validationFailed([{ field: 'departmentId', message: '该机关还没有科室，请先创建科室' }]);
        const fields = await itemContentColumns(trx, calendar, agencyId, null, {
          ...v, departmentId, disclosureMode: 'proactive', disclosureModeReason: '', scope: 'public', validity: 'inForce', isMajor: false,
          interpretsItemIds: [], repealNoticeForItemId: null, writtenOn: null,
        }, null);
        const at = nowIso(clock);
        // Inserted in a transient status that markPublished moves on before the commit, so that
        // imports and ordinary publication share one path (index number, search index).
        await repo.insertItem({
          id, agencyId, status: 'imported', indexNumber: null, ...fields, writtenOn: v.writtenOn, publishDueOn: null,
          publishedOn: null, publishedAt: null, repealedOn: null, repealNoticeDueOn: null, approvedOn: null,
          version: 1, createdBy: actor.id ?? 'system', createdAt: at, updatedAt: at,
        });
        for (const a of attachments)
          await repo.insertAttachment({ id: newId(), itemId: id, sha256: a.sha256, filename: a.filename, mediaType: a.mediaType, size: a.size, textContent: a.textContent, createdBy: actor.id ?? 'system', createdAt: at });
        const row = (await repo.itemById(id))!;
        const published = await markPublished(deps, trx, row, 'imported', { publishedOn: v.publishedOn, publishedAt: at });
        await deps.onPublishedChange?.(trx, id, 'import');
        await appendAuditEvent(trx, clock, actor, {
          action: 'item.import', subjectType: 'item', subjectId: id, agencyId,
          after: { title: v.title, publishedOn: v.publishedOn, indexNumber: published.indexNumber, note: '历史信息导入：按已发布处理，未经本系统审核流程' },
        });
      });
      const r = catalogRepository(db);
      return queries.detailOf(r, (await r.itemById(id))!, false);
    },

    /** Open deadlines move with the calendar (REGULATION.md: changing it recomputes every open deadline). */
    async recomputeDeadlines(trx: DbOrTrx): Promise<number> {
      const repo = catalogRepository(trx);
      const cal = await calendar.get(trx);
      let changed = 0;
      const attempt = (compute: () => string | null): string | null | undefined => {
        try {
          return compute();
        } catch (err) {
          if (err instanceof CalendarYearMissingError) return undefined; // still uncovered: leave as it was
          throw err;
        }
      };
      for (const row of await repo.openItemsWithClock()) {
        const due = attempt(() => publishDueOn(cal, row));
        if (due !== undefined && due !== row.publishDueOn) {
          await repo.updateItem(row.id, { publishDueOn: due });
          changed++;
        }
      }
      for (const row of await repo.openRepealNotices()) {
        const due = row.repealedOn ? attempt(() => cal.addWorkingDays(row.repealedOn!, REPEAL_NOTICE_WORKING_DAYS)) : undefined;
        if (due !== undefined && due !== row.repealNoticeDueOn) {
          await repo.updateItem(row.id, { repealNoticeDueOn: due });
          changed++;
        }
      }
      return changed;
    },
  };
}
