// The only place that touches Kysely for columns, items, attachments, versions,
// interpretations and index counters. Agencies and departments are read here too (read-only)
// because items are filed by them.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { AttachmentTable, ColumnTable, ItemTable, ItemVersionTable } from '../../core/db/schema.ts';
import { escapeLike, likeOperator, dialectOf } from '../../core/db/dialect.ts';
import type { ItemStatus } from './catalog.contract.ts';

/** An item row with its column and department names. */
export type ItemRow = ItemTable & { columnName: string; departmentName: string };

export interface ItemFilter {
  agencyId?: string;
  columnIds?: string[];
  statuses?: ItemStatus[];
  departmentId?: string;
  publicOnly?: boolean;
  /** Repealed items whose repeal notice (废止说明) is still due. */
  repealNoticeOpen?: boolean;
  q?: string;
}

export function catalogRepository(db: DbOrTrx) {
  const items = () =>
    db
      .selectFrom('items')
      .innerJoin('columns', 'columns.id', 'items.columnId')
      .innerJoin('departments', 'departments.id', 'items.departmentId')
      .selectAll('items')
      .select(['columns.name as columnName', 'departments.name as departmentName']);

  function filtered(filter: ItemFilter) {
    let q = db.selectFrom('items');
    if (filter.agencyId) q = q.where('items.agencyId', '=', filter.agencyId);
    if (filter.columnIds) q = q.where('items.columnId', 'in', filter.columnIds.length ? filter.columnIds : ['']);
    if (filter.statuses) q = q.where('items.status', 'in', filter.statuses.length ? filter.statuses : ['']);
    if (filter.departmentId) q = q.where('items.departmentId', '=', filter.departmentId);
    if (filter.publicOnly) q = q.where('items.status', '=', 'published').where('items.scope', '=', 'public');
    if (filter.repealNoticeOpen) q = q.where('items.repealNoticeDueOn', 'is not', null);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      const op = likeOperator(dialectOf(db));
      q = q.where((eb) => eb.or([eb('items.title', op, pattern), eb('items.docNumber', op, pattern), eb('items.indexNumber', op, pattern)]));
    }
    return q;
  }

  return {
    agencyById: (id: string) => db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst(),
    departmentById: (id: string) => db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),
    departmentsOf: (agencyId: string) =>
      db.selectFrom('departments').selectAll().where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('name').execute(),

    // Columns
    columnsOf: (agencyId: string) =>
      db.selectFrom('columns').selectAll().where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('code').execute(),
    columnById: (id: string) => db.selectFrom('columns').selectAll().where('id', '=', id).executeTakeFirst(),
    columnDepartmentsOf: (agencyId: string) =>
      db
        .selectFrom('columnDepartments')
        .innerJoin('columns', 'columns.id', 'columnDepartments.columnId')
        .select(['columnDepartments.columnId', 'columnDepartments.departmentId'])
        .where('columns.agencyId', '=', agencyId)
        .execute(),
    insertColumn: (row: ColumnTable) => db.insertInto('columns').values(row).execute(),
    updateColumn: (id: string, patch: Partial<ColumnTable>) => db.updateTable('columns').set(patch).where('id', '=', id).execute(),
    async replaceColumnDepartments(columnId: string, departmentIds: string[]) {
      await db.deleteFrom('columnDepartments').where('columnId', '=', columnId).execute();
      if (departmentIds.length)
        await db.insertInto('columnDepartments').values(departmentIds.map((departmentId) => ({ columnId, departmentId }))).execute();
    },

    // Items
    insertItem: (row: ItemTable) => db.insertInto('items').values(row).execute(),
    itemById: (id: string) => items().where('items.id', '=', id).executeTakeFirst(),
    itemRowsByIds: (ids: string[]) => (ids.length ? items().where('items.id', 'in', ids).execute() : Promise.resolve([] as ItemRow[])),
    updateItem: (id: string, patch: Partial<ItemTable>) => db.updateTable('items').set(patch).where('id', '=', id).execute(),
    /** Compare-and-set on status; returns false when the item is no longer in `from`. */
    async updateItemIfStatus(id: string, from: string, patch: Partial<ItemTable>): Promise<boolean> {
      const r = await db.updateTable('items').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Newest published first; the (column|agency, status, publishedOn, id) indexes give the order. */
    listItems(filter: ItemFilter, order: 'published' | 'updated', limit: number, offset: number) {
      let q = filtered(filter)
        .innerJoin('columns', 'columns.id', 'items.columnId')
        .innerJoin('departments', 'departments.id', 'items.departmentId')
        .selectAll('items')
        .select(['columns.name as columnName', 'departments.name as departmentName']);
      q = order === 'published'
        ? q.orderBy('items.publishedOn', 'desc').orderBy('items.id', 'desc')
        : q.orderBy('items.updatedAt', 'desc').orderBy('items.id', 'desc');
      return q.limit(limit).offset(offset).execute();
    },
    async countItems(filter: ItemFilter): Promise<number> {
      const r = await filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    /** Open items whose publication clock may move when the calendar changes. */
    openItemsWithClock: () =>
      db
        .selectFrom('items')
        .select(['id', 'writtenOn', 'approvedOn', 'publishDueOn'])
        .where('status', 'not in', ['published', 'takenDown'])
        .where((eb) => eb.or([eb('writtenOn', 'is not', null), eb('approvedOn', 'is not', null)]))
        .execute(),
    openRepealNotices: () =>
      db.selectFrom('items').select(['id', 'repealedOn', 'repealNoticeDueOn']).where('repealNoticeDueOn', 'is not', null).execute(),

    // Interpretations (政策解读), linked both ways.
    async setInterprets(interpretationItemId: string, policyItemIds: string[]) {
      await db.deleteFrom('itemInterpretations').where('interpretationItemId', '=', interpretationItemId).execute();
      if (policyItemIds.length)
        await db
          .insertInto('itemInterpretations')
          .values(policyItemIds.map((policyItemId) => ({ policyItemId, interpretationItemId })))
          .execute();
    },
    interpretationsOf: (policyItemId: string) =>
      items()
        .innerJoin('itemInterpretations', 'itemInterpretations.interpretationItemId', 'items.id')
        .where('itemInterpretations.policyItemId', '=', policyItemId)
        .orderBy('items.createdAt')
        .execute(),
    interpretedBy: (interpretationItemId: string) =>
      items()
        .innerJoin('itemInterpretations', 'itemInterpretations.policyItemId', 'items.id')
        .where('itemInterpretations.interpretationItemId', '=', interpretationItemId)
        .orderBy('items.createdAt')
        .execute(),

    // Versions
    insertVersion: (row: ItemVersionTable) => db.insertInto('itemVersions').values(row).execute(),
    versionsOf: (itemId: string) =>
      db.selectFrom('itemVersions').select(['version', 'createdAt']).where('itemId', '=', itemId).orderBy('version', 'desc').execute(),

    // Attachments
    insertAttachment: (row: AttachmentTable) => db.insertInto('attachments').values(row).execute(),
    attachmentsOf: (itemId: string) =>
      db
        .selectFrom('attachments')
        .select(['id', 'itemId', 'filename', 'mediaType', 'size', 'sha256', 'createdAt'])
        .where('itemId', '=', itemId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute(),
    attachmentById: (id: string) =>
      db.selectFrom('attachments').select(['id', 'itemId', 'filename', 'mediaType', 'size', 'sha256']).where('id', '=', id).executeTakeFirst(),
    deleteAttachment: (id: string) => db.deleteFrom('attachments').where('id', '=', id).execute(),
    async attachmentsText(itemId: string): Promise<string> {
      const rows = await db.selectFrom('attachments').select('textContent').where('itemId', '=', itemId).orderBy('createdAt').execute();
      return rows.map((r) => r.textContent).filter(Boolean).join('\n');
    },

    /**
     * Next serial of the agency's index numbers for a year. The UPDATE takes the counter row's
     * lock, so concurrent publishing transactions get distinct numbers (PostgreSQL: row lock;
     * SQLite: one writer at a time).
     */
    async nextIndexSerial(agencyId: string, year: number): Promise<number> {
      await db
        .insertInto('indexCounters')
        .values({ agencyId, year, lastNumber: 0 })
        .onConflict((oc) => oc.columns(['agencyId', 'year']).doNothing())
        .execute();
      const row = await db
        .updateTable('indexCounters')
        .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1) }))
        .where('agencyId', '=', agencyId)
        .where('year', '=', year)
        .returning('lastNumber')
        .executeTakeFirstOrThrow();
      return Number(row.lastNumber);
    },
    indexNumberTaken: async (agencyId: string, indexNumber: string) =>
      Boolean(await db.selectFrom('items').select('id').where('agencyId', '=', agencyId).where('indexNumber', '=', indexNumber).executeTakeFirst()),
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
