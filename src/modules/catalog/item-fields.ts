// Turns validated draft input into item columns: sanitised body and its text, default issuer,
// the publication deadline, and checks that everything referenced belongs to the same agency.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ItemTable } from '../../core/db/schema.ts';
import { notFound, validationFailed } from '../../core/errors.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import { htmlToText, sanitizeBody } from './catalog.html.ts';
import { onField, publishDueOn } from './catalog.deadlines.ts';
import { catalogRepository } from './catalog.repository.ts';
import type { ItemDraftFields } from './catalog.schemas.ts';

export type ItemContentColumns = Pick<
  ItemTable,
  | 'columnId' | 'departmentId' | 'title' | 'docNumber' | 'issuers' | 'writtenOn' | 'topic' | 'summary' | 'bodyHtml' | 'bodyText'
  | 'disclosureMode' | 'disclosureModeReason' | 'scope' | 'validity' | 'isMajor' | 'repealNoticeForItemId' | 'publishDueOn'
>;

/**
 * `approvedOn` is the item's leader-approval date if it has one (the clock's start without a
 * writtenOn). Throws 422 with field errors.
 */
export async function itemContentColumns(
  trx: DbOrTrx,
  calendar: CalendarService,
  agencyId: string,
  selfId: string | null,
  v: ItemDraftFields & { departmentId: string },
  approvedOn: string | null,
): Promise<ItemContentColumns> {
  const repo = catalogRepository(trx);
  const agency = await repo.agencyById(agencyId);
  if (!agency) throw notFound('机关不存在');
  const errors: { field: string; message: string }[] = [];
  const column = await repo.columnById(v.columnId);
  if (!column || column.agencyId !== agencyId) errors.push({ field: 'columnId', message: '请选择本机关的栏目' });
  const department = await repo.departmentById(v.departmentId);
  if (!department || department.agencyId !== agencyId) errors.push({ field: 'departmentId', message: '请选择本机关的科室' });
  const policies = await repo.itemRowsByIds(v.interpretsItemIds);
  if (policies.length !== new Set(v.interpretsItemIds).size || policies.some((p) => p.agencyId !== agencyId || p.id === selfId))
    errors.push({ field: 'interpretsItemIds', message: '所解读的文件须为本机关的其他信息' });
  if (v.repealNoticeForItemId) {
    const target = await repo.itemById(v.repealNoticeForItemId);
    if (!target || target.agencyId !== agencyId || target.validity !== 'repealed' || target.id === selfId)
      errors.push({ field: 'repealNoticeForItemId', message: '废止说明须对应本机关已废止的信息' });
  }
  if (errors.length) throw validationFailed(errors);

  const cal = await calendar.get(trx);
  const dueOn = onField(v.writtenOn ? 'writtenOn' : 'approvedOn', () => publishDueOn(cal, { writtenOn: v.writtenOn, approvedOn }));
  const bodyHtml = sanitizeBody(v.bodyHtml);
  return {
    columnId: v.columnId,
    departmentId: v.departmentId,
    title: v.title,
    docNumber: v.docNumber,
    issuers: JSON.stringify(v.issuers.length ? v.issuers : [agency.name]),
    writtenOn: v.writtenOn,
    topic: v.topic,
    summary: v.summary,
    bodyHtml,
    bodyText: htmlToText(bodyHtml),
    disclosureMode: v.disclosureMode,
    disclosureModeReason: v.disclosureMode === 'proactive' ? '' : v.disclosureModeReason,
    scope: v.scope,
    validity: v.validity,
    isMajor: v.isMajor ? 1 : 0,
    repealNoticeForItemId: v.repealNoticeForItemId,
    publishDueOn: dueOn,
  };
}
