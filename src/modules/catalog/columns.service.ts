// The catalog tree (信息公开目录): columns per agency, their responsible departments and the
// expected update interval (used by the freshness monitor).
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import type { ColumnInput, ColumnNode } from './catalog.contract.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { canManageColumns } from './catalog.policy.ts';
import { catalogRepository } from './catalog.repository.ts';
import { columnInput, parseOrFail, type ColumnFields } from './catalog.schemas.ts';
import type { ItemQueries } from './item-query.service.ts';

export function createColumnsService(deps: CatalogDeps, queries: ItemQueries) {
  const { db, clock } = deps;

  async function checkReferences(trx: DbOrTrx, agencyId: string, selfId: string | null, v: ColumnFields) {
    const repo = catalogRepository(trx);
    const errors: { field: string; message: string }[] = [];
    if (v.parentId) {
      const all = await repo.columnsOf(agencyId);
      const parent = all.find((c) => c.id === v.parentId);
      // Walk up from the parent: reaching this column would make a loop.
      let loop = false;
      for (let cursor = parent; cursor && selfId; cursor = all.find((c) => c.id === cursor!.parentId)) {
        if (cursor.id === selfId) {
          loop = true;
          break;
        }
      }
      if (!parent) errors.push({ field: 'parentId', message: '上级栏目不存在' });
      else if (loop) errors.push({ field: 'parentId', message: '不能把栏目移到它自己或其下级栏目之下' });
    }
    for (const id of v.departmentIds) {
      const dept = await repo.departmentById(id);
      if (!dept || dept.agencyId !== agencyId) {
        errors.push({ field: 'departmentIds', message: '责任科室须为本机关的科室' });
        break;
      }
    }
    if (errors.length) throw validationFailed(errors);
  }

  async function save(actor: StaffActor, id: string | null, input: ColumnInput): Promise<ColumnNode> {
    authorize(canManageColumns(actor.user), '只有公开办可以维护栏目');
    const v = parseOrFail(columnInput, input);
    const agencyId = actor.user.agencyId;
    const columnId = id ?? newId();
    await db.transaction().execute(async (trx) => {
      const repo = catalogRepository(trx);
      const before = id ? await repo.columnById(id) : undefined;
      if (id) requireSameAgency(actor.user, before);
      await checkReferences(trx, agencyId, id, v);
      const fields = { parentId: v.parentId, code: v.code, name: v.name, description: v.description, sortOrder: v.sortOrder, updateIntervalDays: v.updateIntervalDays };
      try {
        if (id) await repo.updateColumn(id, fields);
        else await repo.insertColumn({ id: columnId, agencyId, ...fields, createdAt: nowIso(clock) });
      } catch (err) {
        if (isUniqueViolation(err)) throw validationFailed([{ field: 'code', message: '栏目代码已被使用' }]);
        throw err;
      }
      await repo.replaceColumnDepartments(columnId, [...new Set(v.departmentIds)]);
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action: id ? 'column.update' : 'column.create', subjectType: 'column', subjectId: columnId, agencyId,
        before: before ? { name: before.name, code: before.code, parentId: before.parentId } : undefined,
        after: { name: v.name, code: v.code, parentId: v.parentId, updateIntervalDays: v.updateIntervalDays, departmentIds: v.departmentIds },
      });
    });
    const node = await queries.column(columnId);
    if (!node) throw notFound();
    return node;
  }

  return {
    createColumn: (actor: StaffActor, input: ColumnInput) => save(actor, null, input),
    updateColumn: (actor: StaffActor, id: string, input: ColumnInput) => save(actor, id, input),
  };
}
