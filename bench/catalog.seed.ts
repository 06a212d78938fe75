// Bulk-loads a fresh database with one agency, its columns and N published items, and indexes
// every item through the search service (its bulk form, one call per transaction), then refreshes
// the planner statistics as autovacuum would after a bulk load.
import { sql, type Insertable } from 'kysely';
import type { ItemTable } from '../src/core/db/schema.ts';
import type { SearchDocument } from '../src/modules/search/index.ts';
import type { Services } from '../src/services.ts';
import { COLUMNS, createRandom, generateItem } from './catalog.data.ts';

const TRANSACTION_ROWS = 5_000;
const STATEMENT_ROWS = 100;

export interface Seeded {
  agencyId: string;
  columnIds: string[];
  itemIds: string[];
  docNumbers: string[];
}

export async function seedCatalog(services: Services, count: number, onProgress: (done: number) => void): Promise<Seeded> {
  const { db } = services.database;
  const now = '2025-09-26T02:00:00.000Z';
  const agencyId = 'bench-agency';
  const departmentId = 'bench-dept';
  await db
    .insertInto('agencies')
    .values({
      id: agencyId, code: 'bench', name: '示例市自然资源和规划局', shortName: '市自然资源局', creditCode: '11370100MB0000000X',
      parentAgencyId: null, address: '示例市人民路1号', postcode: '250000', officeHours: '工作日 9:00—17:00', phone: '0531-00000000',
      fax: '', email: '', website: '', readingRooms: '[]', indexNumberTemplate: '{creditCode}/{YYYY}-{NNNNN}', createdAt: now,
    })
    .execute();
  await db.insertInto('departments').values({ id: departmentId, agencyId, name: '办公室', isDisclosureOffice: 1, sortOrder: 0, createdAt: now }).execute();
  const columnId = (code: string) => `bench-col-${code}`;
  for (const [i, c] of COLUMNS.entries()) {
    await db
      .insertInto('columns')
      .values({ id: columnId(c.code), agencyId, parentId: c.parentCode ? columnId(c.parentCode) : null, code: c.code, name: c.name, description: '', sortOrder: i, updateIntervalDays: null, createdAt: now })
      .execute();
  }

  const random = createRandom(20251122);
  const itemIds: string[] = [];
  const docNumbers: string[] = [];
  for (let done = 0; done < count; ) {
    const batch = Math.min(TRANSACTION_ROWS, count - done);
    await db.transaction().execute(async (trx) => {
      const rows: Insertable<ItemTable>[] = [];
      const docs: SearchDocument[] = [];
      for (let i = 0; i < batch; i++) {
        const n = done + i;
        const item = generateItem(random);
        const id = `bench-item-${String(n).padStart(6, '0')}`;
        const issuers = ['示例市自然资源和规划局'];
        const row: Insertable<ItemTable> = {
          id, agencyId, columnId: columnId(item.columnCode), departmentId, status: 'published',
          indexNumber: `11370100MB0000000X/${item.publishedOn.slice(0, 4)}-${String(n).padStart(6, '0')}`,
          title: item.title, docNumber: item.docNumber, issuers: JSON.stringify(issuers), writtenOn: item.publishedOn,
          topic: item.topic, summary: '', bodyHtml: `<p>${item.bodyText}</p>`, bodyText: item.bodyText,
          disclosureMode: 'proactive', disclosureModeReason: '', scope: 'public', validity: item.validity, isMajor: 0,
          repealNoticeForItemId: null, publishDueOn: null, publishedOn: item.publishedOn,
          publishedAt: `${item.publishedOn}T01:00:00.000Z`, repealedOn: null, repealNoticeDueOn: null, approvedOn: null,
          version: 1, createdBy: 'bench', createdAt: now, updatedAt: now,
        };
        rows.push(row);
        itemIds.push(id);
        if (item.docNumber) docNumbers.push(item.docNumber);
        docs.push({
          itemId: id, agencyId, columnId: columnId(item.columnCode), title: item.title, docNumber: item.docNumber,
          bodyText: item.bodyText, attachmentsText: '', issuer: issuers[0]!, topic: item.topic, validity: item.validity,
          publishedOn: item.publishedOn,
        });
      }
      for (let i = 0; i < rows.length; i += STATEMENT_ROWS) {
        await trx.insertInto('items').values(rows.slice(i, i + STATEMENT_ROWS)).execute();
      }
      await services.search.indexItems(trx, docs);
    });
    done += batch;
    onProgress(done);
  }
  // A freshly bulk-loaded PostgreSQL table has no statistics (and a GIN pending list) until
  // autovacuum gets to it; a server in service has both. SQLite gathers none unless told to.
  if (services.database.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  return { agencyId, columnIds: COLUMNS.map((c) => columnId(c.code)), itemIds, docNumbers };
}
