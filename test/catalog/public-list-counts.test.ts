// The public column list: "this column and below, newest first" and its total, which comes from
// the per-column counts the `items` triggers keep (migration 20261122020000). Items are written
// directly here, as any code path or process might, to check the triggers rather than a service.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Insertable } from 'kysely';
import type { ItemTable } from '../../src/core/db/schema.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

const NOW = '2025-09-26T02:00:00.000Z';

describe('public column lists and their totals', () => {
  let s: TestServices;
  const agencyId = 'lc-agency';
  const list = (columnId?: string, page = 1, pageSize = 20) => s.catalog.listPublished({ agencyId, columnId, page, pageSize });
  const item = (id: string, columnId: string, publishedOn: string, extra: Partial<ItemTable> = {}): Insertable<ItemTable> => ({
    id, agencyId, columnId, departmentId: 'lc-dept', status: 'published', indexNumber: `lc/${id}`, title: `标题${id}`, docNumber: '',
    issuers: '[]', writtenOn: publishedOn, topic: '', summary: '', bodyHtml: '', bodyText: '', disclosureMode: 'proactive',
    disclosureModeReason: '', scope: 'public', validity: 'inForce', isMajor: 0, repealNoticeForItemId: null, publishDueOn: null,
    publishedOn, publishedAt: `${publishedOn}T01:00:00.000Z`, repealedOn: null, repealNoticeDueOn: null, approvedOn: null,
    version: 1, createdBy: 'test', createdAt: NOW, updatedAt: NOW, ...extra,
  });

  before(async () => {
    s = await createTestServices();
    const { db } = s.database;
    await db.insertInto('agencies').values({
      id: agencyId, code: 'lc', name: '列表测试局', shortName: '列表局', creditCode: 'LC0000000000000000', parentAgencyId: null,
      address: '', postcode: '', officeHours: '', phone: '', fax: '', email: '', website: '', readingRooms: '[]',
      indexNumberTemplate: '{creditCode}/{YYYY}-{NNNNN}', createdAt: NOW,
    }).execute();
    await db.insertInto('departments').values({ id: 'lc-dept', agencyId, name: '办公室', isDisclosureOffice: 1, sortOrder: 0, createdAt: NOW }).execute();
    const col = (id: string, parentId: string | null, i: number) =>
      ({ id, agencyId, parentId, code: id, name: `栏目${id}`, description: '', sortOrder: i, updateIntervalDays: null, createdAt: NOW });
    await db.insertInto('columns').values([col('root', null, 0), col('a', 'root', 1), col('a1', 'a', 2), col('b', 'root', 3), col('other', null, 4)]).execute();
    await db.insertInto('items').values([
      item('i1', 'root', '2025-01-01'), item('i2', 'a', '2025-03-01'), item('i3', 'a1', '2025-02-01'), item('i4', 'b', '2025-04-01'),
      item('i5', 'a1', '2025-05-01'), item('i6', 'other', '2025-06-01'),
      item('d1', 'a', '2025-07-01', { status: 'draft', publishedOn: null }), item('n1', 'a', '2025-07-02', { scope: 'intranet' }),
    ]).execute();
  });
  after(async () => s.cleanup());

  test('a column lists itself and its descendants, newest first, with the right total', async () => {
    const page = await list('root');
    assert.deepEqual(page.items.map((i) => i.id), ['i5', 'i4', 'i2', 'i3', 'i1']);
    assert.equal(page.total, 5);
    assert.deepEqual((await list('a')).items.map((i) => i.id), ['i5', 'i2', 'i3']);
    assert.equal((await list('a1')).total, 2);
    assert.equal((await list()).total, 6);
  });

  test('pages split the merged order and keep the total', async () => {
    const second = await list('root', 2, 2);
    assert.deepEqual(second.items.map((i) => i.id), ['i2', 'i3']);
    assert.equal(second.total, 5);
    assert.deepEqual((await list('root', 4, 2)).items, []);
  });

  test('publishing, taking down, changing scope, moving and deleting items keep the totals', async () => {
    const { db } = s.database;
    await db.updateTable('items').set({ status: 'published', publishedOn: '2025-07-01' }).where('id', '=', 'd1').execute();
    assert.equal((await list('a')).total, 4);
    await db.updateTable('items').set({ status: 'takenDown' }).where('id', '=', 'i2').execute();
    await db.updateTable('items').set({ scope: 'public' }).where('id', '=', 'n1').execute();
    await db.updateTable('items').set({ columnId: 'b' }).where('id', '=', 'i5').execute();
    await db.updateTable('items').set({ title: '改名' }).where('id', '=', 'i3').execute();
    await db.deleteFrom('items').where('id', '=', 'i1').execute();
    const root = await list('root');
    assert.deepEqual(root.items.map((i) => i.id), ['n1', 'd1', 'i5', 'i4', 'i3']);
    assert.equal(root.total, 5);
    assert.equal((await list('a')).total, 3);
    assert.equal((await list('b')).total, 2);
    assert.equal((await list()).total, 6);
  });

  test('a subtree wider than the merged lists is listed the same way', async () => {
    const { db } = s.database;
    const children = Array.from({ length: 120 }, (_, i) => ({
      id: `w${i}`, agencyId, parentId: 'wide', code: `w${i}`, name: `宽栏目${i}`, description: '', sortOrder: 10 + i, updateIntervalDays: null, createdAt: NOW,
    }));
    await db.insertInto('columns').values({ ...children[0]!, id: 'wide', parentId: null, code: 'wide', name: '宽栏目' }).execute();
    await db.insertInto('columns').values(children).execute();
    await db.insertInto('items').values([item('w-a', 'w7', '2024-01-01'), item('w-b', 'w100', '2024-03-01'), item('w-c', 'wide', '2024-02-01')]).execute();
    const page = await list('wide');
    assert.deepEqual(page.items.map((i) => i.id), ['w-b', 'w-c', 'w-a']);
    assert.equal(page.total, 3);
    assert.deepEqual((await list('wide', 2, 2)).items.map((i) => i.id), ['w-a']);
  });

  test('a column of another agency, or an unknown one, lists nothing', async () => {
    assert.equal((await s.catalog.listPublished({ agencyId: 'elsewhere', columnId: 'root', page: 1, pageSize: 20 })).total, 0);
    assert.deepEqual((await list('missing')).items, []);
    assert.equal((await list('missing')).total, 0);
  });
});
