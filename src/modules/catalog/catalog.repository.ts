// The only place that touches Kysely for columns, items, attachments, versions,
// interpretations and index counters. Agencies and departments are read here too (read-only)
// because items are filed by them.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { AttachmentTable, ColumnTable, ItemTable, ItemVersionTable } from '../../core/db/schema.ts';
import { escapeLike, likeOperator, dialectOf } from '../../core/db/dialect.ts';
import type { ItemStatus } from './catalog.contract.ts';
import { SUMMARY_COLUMNS, type SummaryRow } from './catalog.mapping.ts';

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

/** Above this many columns in a subtree, the public list is one query instead of a merge. */
const MAX_MERGED_COLUMNS = 100;

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
    /** An agency's columns with their department links in one read (one row per link, or one with null). */
    columnsWithDepartmentsOf: (agencyId: string) =>
      db
        .selectFrom('columns')
        .leftJoin('columnDepartments', 'columnDepartments.columnId', 'columns.id')
        .selectAll('columns')
        .select('columnDepartments.departmentId')
        .where('columns.agencyId', '=', agencyId)
        .orderBy('columns.sortOrder')
        .orderBy('columns.code')
        .execute(),
    /** Id, parent and agency of every column of the agency that owns `columnId` (none if unknown). */
    columnFamilyOf: (columnId: string) =>
      db
        .selectFrom('columns')
        .select(['id', 'parentId', 'agencyId'])
        .where('agencyId', '=', db.selectFrom('columns').select('agencyId').where('id', '=', columnId))
        .execute(),
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
    /** Summary columns only (a list page must not read 20 bodies). */
    summaryRowsByIds: (ids: string[]) =>
      ids.length
        ? db
            .selectFrom('items')
            .innerJoin('columns', 'columns.id', 'items.columnId')
            .innerJoin('departments', 'departments.id', 'items.departmentId')
            .select(SUMMARY_COLUMNS.map((c) => `items.${c}` as const))
            .select(['columns.name as columnName', 'departments.name as departmentName'])
            .where('items.id', 'in', ids)
            .execute()
        : Promise.resolve([] as SummaryRow[]),
    /** Interpretations of an item and the items it interprets (政策解读), in one read. */
    linkedItems: (itemId: string) =>
      items()
        .innerJoin('itemInterpretations', (join) =>
          join.on((eb) =>
            eb.or([
              eb.and([eb('itemInterpretations.interpretationItemId', '=', eb.ref('items.id')), eb('itemInterpretations.policyItemId', '=', itemId)]),
              eb.and([eb('itemInterpretations.policyItemId', '=', eb.ref('items.id')), eb('itemInterpretations.interpretationItemId', '=', itemId)]),
            ]),
          ),
        )
        .select('itemInterpretations.policyItemId as linkPolicyItemId')
        .orderBy('items.createdAt')
        .execute(),
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
    /**
     * Ids of the published, public items of these columns, newest first. One short index range
     * per column (items_column_public_idx, at most offset + limit entries each), merged: the
     * page costs a few dozen index reads instead of sorting every item of the subtree.
     */
    async publicIdsInColumns(columnIds: string[], limit: number, offset: number): Promise<string[]> {
      if (columnIds.length === 0 || limit <= 0) return [];
      if (columnIds.length > MAX_MERGED_COLUMNS) {
        // A subtree this wide (SQLite caps a compound SELECT at 500 parts): one sorted range scan.
        const rows = await filtered({ columnIds, publicOnly: true })
          .select('items.id')
          .orderBy('items.publishedOn', 'desc')
          .orderBy('items.id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute();
        return rows.map((row) => row.id);
      }
      const n = limit + offset;
      const branches = columnIds.map(
        (id, i) => sql`select id, published_on from (select id, published_on from items
          where column_id = ${id} and status = 'published' and scope = 'public'
          order by published_on desc, id desc limit ${n}) ${sql.raw(`b${i}`)}`,
      );
      const r = await sql<{ id: string }>`select id from (${sql.join(branches, sql` union all `)}) merged
        order by published_on desc, id desc limit ${limit} offset ${offset}`.execute(db);
      return r.rows.map((row) => row.id);
    },
    /** Published, public items of an agency, or of some columns (the trigger-kept counts). */
    async publicCount(scope: { agencyId?: string; columnIds?: string[] }): Promise<number> {
      let q = db.selectFrom('columnPublicCounts').select((eb) => eb.fn.sum<number>('columnPublicCounts.itemCount').as('n'));
      if (scope.columnIds) q = q.where('columnPublicCounts.columnId', 'in', scope.columnIds.length ? scope.columnIds : ['']);
      if (scope.agencyId) {
        const agencyId = scope.agencyId;
        q = q.where('columnPublicCounts.columnId', 'in', db.selectFrom('columns').select('id').where('agencyId', '=', agencyId));
      }
      const r = await q.executeTakeFirst();
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
