import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestServices } from '../helpers/service-fixture.ts';
import type { SearchDocument, SearchQuery } from '../../src/modules/search/index.ts';

function doc(itemId: string, fields: Partial<SearchDocument>): SearchDocument {
  return {
    itemId,
    agencyId: 'agency-1',
    columnId: 'col-notices',
    title: '',
    docNumber: '',
    bodyText: '',
    attachmentsText: '',
    issuer: '市自然资源局',
    topic: '土地管理',
    validity: '',
    publishedOn: '2025-03-01',
    ...fields,
  };
}

const docs: SearchDocument[] = [
  doc('t-old', { title: '关于征地补偿安置方案的公告', publishedOn: '2024-05-10', bodyText: '按照规定予以公开。' }),
  doc('t-new', { title: '征地补偿标准调整通知', publishedOn: '2025-06-01', bodyText: '现将有关事项通知如下。' }),
  doc('b-new', {
    title: '国有建设用地使用权出让公告',
    publishedOn: '2025-08-01',
    bodyText: '本次出让涉及的征地补偿已全部到位，特此公开。',
  }),
  doc('b-attach', { title: '年度工作总结', publishedOn: '2025-07-01', attachmentsText: '附件：征地补偿明细表' }),
  doc('res', {
    title: '市国土资源局关于规范性文件清理结果的通知',
    docNumber: '示自然资规〔2025〕3号',
    publishedOn: '2025-02-01',
    columnId: 'col-policies',
    issuer: '市人民政府',
    topic: '政策法规',
    validity: '有效',
    bodyText: '经清理，以下文件继续有效。',
  }),
  doc('xss', { title: '采矿权出让公告', publishedOn: '2023-09-09', columnId: 'col-mining', bodyText: '<script>alert(1)</script> 采矿权 & 其他' }),
];

const t = useTestServices({
  setup: async (services) => {
    await services.database.db.transaction().execute(async (trx) => {
      for (const d of docs) await services.search.indexItem(trx, d);
    });
  },
});

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, page: 1, pageSize: 10, ...extra });
const ids = async (query: SearchQuery) => (await t.services.search.search(query)).hits.map((h) => h.itemId);


describe('search service', () => {
  test('two-character and compound words match', async () => {
    for (const word of ['征地', '补偿', '公开', '国土资源', '征地补偿']) {
      assert.ok((await ids(q(word))).length > 0, `no hit for ${word}`);
    }
    assert.deepEqual((await ids(q('国土资源'))).sort(), ['res']);
    assert.ok((await ids(q('公开'))).includes('t-old'));
  });

  test('title hits come before body hits, each newest first', async () => {
    const result = await t.services.search.search(q('征地补偿'));
    assert.deepEqual(result.hits.map((h) => h.itemId), ['t-new', 't-old', 'b-new', 'b-attach']);
    assert.equal(result.total, 4);
    assert.equal(result.totalCapped, false);
    assert.deepEqual(result.terms, ['征地', '补偿']);
  });

  test('paging crosses from title hits to body hits', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await ids(q('征地补偿', { page, pageSize: 3 })));
    assert.deepEqual(pages, [['t-new', 't-old', 'b-new'], ['b-attach'], []]);
    assert.deepEqual(await ids(q('征地补偿', { page: 2, pageSize: 1 })), ['t-old']);
    assert.deepEqual(await ids(q('征地补偿', { page: 4, pageSize: 1 })), ['b-attach']);
  });

  test('document numbers, full-width and upper-case input match', async () => {
    assert.deepEqual(await ids(q('示自然资规〔2025〕3号')), ['res']);
    assert.deepEqual(await ids(q('示自然资规〔２０２５〕３号')), ['res']);
    await t.services.database.db.transaction().execute((trx) =>
      t.services.search.indexItem(trx, doc('gis', { title: 'GIS数据共享目录', publishedOn: '2025-01-01' })),
    );
    assert.deepEqual(await ids(q('ｇｉｓ')), ['gis']);
    await t.services.database.db.transaction().execute((trx) => t.services.search.removeItem(trx, 'gis'));
  });

  test('filters: column(s), year, issuer, topic, validity, agency', async () => {
    assert.deepEqual(await ids(q('公告', { columnId: 'col-mining' })), ['xss']);
    assert.deepEqual((await ids(q('公告', { columnIds: ['col-mining', 'col-notices'] }))).sort(), ['b-new', 't-old', 'xss']);
    assert.deepEqual(await ids(q('公告', { columnIds: [] })), []);
    assert.deepEqual(await ids(q('征地', { year: 2024 })), ['t-old']);
    assert.deepEqual(await ids(q('通知', { issuer: '市人民政府' })), ['res']);
    assert.deepEqual(await ids(q('通知', { topic: '政策法规', validity: '有效' })), ['res']);
    assert.deepEqual(await ids(q('征地', { agencyId: 'agency-2' })), []);
    assert.equal((await ids(q('征地', { agencyId: 'agency-1' }))).length, 4);
  });

  test('removeItem takes an item out of the index; re-indexing replaces it', async () => {
    const { db } = t.services.database;
    await db.transaction().execute((trx) => t.services.search.indexItem(trx, doc('tmp', { title: '地质灾害防治方案' })));
    assert.deepEqual(await ids(q('地质灾害')), ['tmp']);
    await db.transaction().execute((trx) => t.services.search.indexItem(trx, doc('tmp', { title: '基准地价更新' })));
    assert.deepEqual(await ids(q('地质灾害')), []);
    assert.deepEqual(await ids(q('基准地价')), ['tmp']);
    await db.transaction().execute((trx) => t.services.search.removeItem(trx, 'tmp'));
    assert.deepEqual(await ids(q('基准地价')), []);
    await db.transaction().execute((trx) => t.services.search.removeItem(trx, 'never-indexed'));
  });

  test('hostile and empty queries do not throw', async () => {
    const hostile = ['', '   ', '"', '""', 'AND (', 'NEAR', 'NEAR(征地 补偿)', '征地 OR 补偿', '*', '^征地', "'; drop table search_documents; --",
      'title_tokens:征地', '{title_tokens}: 征地', "征地' & '补偿", '\\', '!征地', '征地:*', '<->', 'a'.repeat(5000), '征地'.repeat(2000)];
    for (const text of hostile) {
      const result = await t.services.search.search(q(text));
      assert.ok(Array.isArray(result.hits), text.slice(0, 20));
    }
    assert.deepEqual((await t.services.search.search(q(''))).hits, []);
    // OR is a word here, not an operator: nothing contains it.
    assert.deepEqual(await ids(q('征地 OR 补偿')), []);
    assert.ok((await ids(q('征地'))).length > 0, 'the index survived');
  });

  test('snippets and titles are escaped and highlighted from the original text', async () => {
    const [hit] = (await t.services.search.search(q('采矿权'))).hits;
    assert.ok(hit);
    assert.equal(hit.titleHtml, '<mark>采矿权</mark>出让公告');
    assert.ok(!hit.snippetHtml.includes('<script>'), hit.snippetHtml);
    assert.ok(hit.snippetHtml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), hit.snippetHtml);
    assert.ok(hit.snippetHtml.includes('<mark>采矿权</mark> &amp; 其他'), hit.snippetHtml);
    const [attached] = (await t.services.search.search(q('明细表'))).hits;
    assert.ok(attached?.snippetHtml.includes('<mark>明细表</mark>'), attached?.snippetHtml);
  });

  test('reindexAll rebuilds the index from a loader', async () => {
    async function* load() {
      yield doc('only', { title: '土地利用年度计划', publishedOn: '2025-09-01' });
    }
    assert.equal(await t.services.search.reindexAll(load), 1);
    assert.deepEqual(await ids(q('土地利用')), ['only']);
    assert.deepEqual(await ids(q('征地')), []);
  });
});

describe('search totals', () => {
  test('beyond TOTAL_CAP the total is capped and marked, and paging stops there', async () => {
    const { TOTAL_CAP, MAX_WINDOW } = await import('../../src/modules/search/index.ts');
    const { db } = t.services.database;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i <= TOTAL_CAP; i++) {
        await t.services.search.indexItem(trx, doc(`many-${i}`, { agencyId: 'agency-many', title: `不动产登记公告第${i}号` }));
      }
    });
    const first = await t.services.search.search(q('不动产登记', { agencyId: 'agency-many' }));
    assert.equal(first.total, TOTAL_CAP);
    assert.equal(first.totalCapped, true);
    assert.equal(first.hits.length, 10);
    const beyond = await t.services.search.search(q('不动产登记', { agencyId: 'agency-many', page: MAX_WINDOW / 10 + 1 }));
    assert.deepEqual(beyond.hits, []);
  });
});
