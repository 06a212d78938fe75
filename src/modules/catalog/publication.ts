// Publication inside the caller's transaction: index number, dates, search index, and the
// workflow port the review module drives. Everything here takes `trx` and never the root db,
// so the status change, the review record and the audit event commit or fail together.
import type { DbOrTrx } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { AppError, conflict, notFound } from '../../core/errors.ts';
import { nowIso, today } from '../../core/time/clock.ts';
import { yearOf } from '../../core/time/dates.ts';
import type { SearchDocument } from '../search/search.contract.ts';
import type { CatalogWorkflowPort, ItemStatus } from './catalog.contract.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { publishDueOn } from './catalog.deadlines.ts';
import { parseIssuers, toWorkflowItem } from './catalog.mapping.ts';
import { catalogRepository, type ItemRow } from './catalog.repository.ts';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNumber } from './index-number.ts';
import { publicCopyRepository } from './public-copy.repository.ts';

const statusChanged = () => conflict('ITEM_STATUS_CHANGED', '该信息的状态已被他人更改，请刷新后重试');

export async function searchDocumentOf(trx: DbOrTrx, row: ItemRow): Promise<SearchDocument> {
  return {
    itemId: row.id,
    agencyId: row.agencyId,
    columnId: row.columnId,
    title: row.title,
    docNumber: row.docNumber,
    // The de-identified copy (privacy screening), when one was made: the index is public.
    bodyText: row.publicBodyText ?? row.bodyText,
    attachmentsText: await publicCopyRepository(trx).publicAttachmentsText(row.id),
    issuer: parseIssuers(row.issuers).join('、'),
    topic: row.topic,
    validity: row.validity,
    publishedOn: row.publishedOn ?? '',
    isClarification: Number(row.isClarification ?? 0) === 1,
  };
}

/** The index holds exactly the published, public items (第二十四条: the portal offers search). */
export async function syncSearch(deps: Pick<CatalogDeps, 'search'>, trx: DbOrTrx, itemId: string): Promise<void> {
  const row = await catalogRepository(trx).itemById(itemId);
  if (row && row.status === 'published' && row.scope === 'public') await deps.search.indexItem(trx, await searchDocumentOf(trx, row));
  else await deps.search.removeItem(trx, itemId);
}

/** 索引号 from the agency template and the per-agency, per-year counter of the publication year. */
export async function assignIndexNumber(trx: DbOrTrx, row: ItemRow, publishedOn: string): Promise<string> {
  const repo = catalogRepository(trx);
  const agency = await repo.agencyById(row.agencyId);
  const column = await repo.columnById(row.columnId);
  if (!agency) throw notFound('机关不存在');
  const year = yearOf(publishedOn);
  const serial = await repo.nextIndexSerial(agency.id, year);
  return formatIndexNumber(agency.indexNumberTemplate || DEFAULT_INDEX_TEMPLATE, {
    creditCode: agency.creditCode, agencyCode: agency.code, columnCode: column?.code ?? '', year, serial,
  });
}

/** Sets the published fields with a compare-and-set on `from`; maps a duplicate index number to 409. */
export async function markPublished(
  deps: Pick<CatalogDeps, 'search'>,
  trx: DbOrTrx,
  row: ItemRow,
  from: string,
  at: { publishedOn: string; publishedAt: string },
): Promise<{ indexNumber: string; publishedOn: string }> {
  const repo = catalogRepository(trx);
  const indexNumber = row.indexNumber ?? (await assignIndexNumber(trx, row, at.publishedOn));
  let ok: boolean;
  try {
    ok = await repo.updateItemIfStatus(row.id, from, { status: 'published', indexNumber, publishedOn: at.publishedOn, publishedAt: at.publishedAt, updatedAt: at.publishedAt });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('INDEX_NUMBER_TAKEN', `索引号 ${indexNumber} 已被使用，请检查本机关的索引号模板`);
    throw err;
  }
  if (!ok) throw statusChanged();
  // Publishing a repeal notice (废止说明) closes the repealed item's notice deadline.
  if (row.repealNoticeForItemId) await repo.updateItem(row.repealNoticeForItemId, { repealNoticeDueOn: null, updatedAt: at.publishedAt });
  await syncSearch(deps, trx, row.id);
  return { indexNumber, publishedOn: at.publishedOn };
}

export function createWorkflowPort(deps: CatalogDeps): CatalogWorkflowPort {
  const { clock } = deps;
  return {
    async itemForWorkflow(trx, id) {
      const row = await catalogRepository(trx).itemById(id);
      return row ? toWorkflowItem(row) : undefined;
    },

    async changeStatus(trx, id, from, to, opts = {}) {
      const repo = catalogRepository(trx);
      const row = await repo.itemById(id);
      if (!row) throw notFound();
      const patch: Partial<ItemRow> = { status: to, updatedAt: nowIso(clock) };
      if (opts.approvedOn) {
        patch.approvedOn = opts.approvedOn;
        // 第二十六条: without a 成文日期 the 20 working days run from the approval.
        if (!row.writtenOn) patch.publishDueOn = publishDueOn(await deps.calendar.get(trx), { writtenOn: null, approvedOn: opts.approvedOn });
      }
      if (!(await repo.updateItemIfStatus(id, from, patch))) throw statusChanged();
    },

    async publish(trx, id, from) {
      const row = await catalogRepository(trx).itemById(id);
      if (!row) throw notFound();
      // 源头认定: only information marked for proactive disclosure is published.
      if (row.disclosureMode !== 'proactive') throw new AppError(409, 'ITEM_NOT_PROACTIVE', '该信息的公开方式不是主动公开，不能发布');
      return markPublished(deps, trx, row, from, { publishedOn: today(clock), publishedAt: nowIso(clock) });
    },

    async takedown(trx, id) {
      const ok = await catalogRepository(trx).updateItemIfStatus(id, 'published', { status: 'takenDown', updatedAt: nowIso(clock) });
      if (!ok) throw statusChanged();
      await deps.search.removeItem(trx, id);
    },

    async itemsInStatuses(agencyId, statuses: ItemStatus[], departmentId) {
      const rows = await catalogRepository(deps.db).listItems({ agencyId, statuses, departmentId }, 'updated', 1000, 0);
      return rows.map(toWorkflowItem);
    },

    async repealNoticesOpen(agencyId) {
      const rows = await catalogRepository(deps.db).listItems({ agencyId, repealNoticeOpen: true }, 'updated', 1000, 0);
      return rows.map(toWorkflowItem);
    },
  };
}
