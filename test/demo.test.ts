// The demo content loads through the real services into a fresh database: enough items, every
// workflow status, every role, a verifying audit chain and searchable Chinese text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain } from '../src/core/audit/verify.ts';
import { isValidCreditCode } from '../src/core/text/identifiers.ts';
import { ROLES } from '../src/modules/accounts/index.ts';
import { ITEM_STATUSES } from '../src/modules/catalog/catalog.contract.ts';
import { loadDemo, type DemoSummary } from '../src/demo/demo.ts';
import { createTestServices, type TestServices } from './helpers/test-services.ts';

let services: TestServices;
let summary: DemoSummary;

before(async () => {
  services = await createTestServices();
  summary = await loadDemo(services);
});
after(() => services.cleanup());

describe('demo content', () => {
  test('creates the city bureau with valid credit codes and two county bureaus under it', async () => {
    const agencies = await services.accounts.agencies();
    const city = agencies.find((a) => a.code === 'city');
    assert.ok(city, 'city bureau exists');
    assert.equal(city.name, '示例市自然资源和规划局');
    for (const a of agencies) assert.ok(isValidCreditCode(a.creditCode), `${a.code}: ${a.creditCode}`);
    const counties = agencies.filter((a) => a.parentAgencyId === city.id).map((a) => a.code).sort();
    assert.deepEqual(counties, ['county-a', 'county-b']);
    const office = (await services.accounts.departments(city.id)).filter((d) => d.isDisclosureOffice === 1);
    assert.deepEqual(office.map((d) => d.name), ['办公室']);
  });

  test('has a user for every role and a principal leader, all with the printed password', async () => {
    const city = await services.accounts.agencyByCode('city');
    assert.ok(city);
    const users = await services.accounts.users(city.id);
    const roleRows = await services.database.db.selectFrom('userRoles').innerJoin('users', 'users.id', 'userRoles.userId')
      .select('userRoles.role').where('users.agencyId', '=', city.id).distinct().execute();
    assert.deepEqual(roleRows.map((r) => r.role).sort(), [...ROLES].sort());
    assert.ok(users.some((u) => u.username === 'principal' && u.isPrincipalLeader === 1));
    assert.ok(summary.users.some((u) => u.username === 'county-a-drafter'));
    const login = await services.accounts.login({ username: 'drafter', password: summary.password }, '127.0.0.1', 'test');
    assert.ok(login.token);
  });

  test('loads at least 200 items for the city bureau and some for each county bureau', async () => {
    const db = services.database.db;
    const perAgency = await db.selectFrom('items').innerJoin('agencies', 'agencies.id', 'items.agencyId')
      .select(['agencies.code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('agencies.code').execute();
    const n = (code: string) => Number(perAgency.find((r) => r.code === code)?.n ?? 0);
    assert.ok(n('city') >= 200, `city items: ${n('city')}`);
    assert.ok(n('county-a') >= 15 && n('county-b') >= 15, JSON.stringify(perAgency));
    assert.equal(summary.items, n('city') + n('county-a') + n('county-b'));
  });

  test('leaves items at every workflow status, most of them published', async () => {
    const rows = await services.database.db.selectFrom('items').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    for (const status of ITEM_STATUSES) assert.ok(count(status) > 0, `status ${status}: ${JSON.stringify(rows)}`);
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    assert.ok(count('published') > total * 0.8, `published ${count('published')} of ${total}`);
  });

  test('keeps the records of review, repeal and interpretation', async () => {
    const db = services.database.db;
    const sentBack = await db.selectFrom('reviewRecords').select('itemId').where('conclusion', '=', 'sentBack').execute();
    assert.ok(sentBack.length >= 1);
    const back = await db.selectFrom('items').select('status').where('id', '=', sentBack[0].itemId).executeTakeFirstOrThrow();
    assert.equal(back.status, 'draft');
    const repealed = await db.selectFrom('items').select('id').where('validity', '=', 'repealed').execute();
    assert.ok(repealed.length >= 2);
    const notices = await db.selectFrom('items').select(['repealNoticeForItemId', 'status']).where('repealNoticeForItemId', 'is not', null).execute();
    assert.ok(notices.length >= 2 && notices.every((x) => x.status === 'published'));
    const links = await db.selectFrom('itemInterpretations').selectAll().execute();
    assert.ok(links.length >= 5);
    const years = await db.selectFrom('items').select('writtenOn').where('status', '=', 'published').execute();
    assert.ok(new Set(years.map((y) => y.writtenOn?.slice(0, 4))).size >= 2, 'written over more than one year');
    const attachments = await db.selectFrom('attachments').select(['mediaType', 'textContent']).execute();
    assert.ok(attachments.length >= 5 && attachments.every((a) => a.mediaType === 'application/pdf'));
  });

  test('the audit chain verifies', async () => {
    const result = await verifyAuditChain(services.database.db);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.events > 500);
  });

  test('has information requests at every step of their life, with encrypted ID numbers', async () => {
    assert.ok(summary.requests >= 15, `requests ${summary.requests}`);
    const rows = await services.database.db.selectFrom('requests').select(['status', 'idNumberEnc', 'idNumberMasked', 'extensionDays']).execute();
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['received', 'awaitingApplicant', 'accepted', 'assigned', 'drafting', 'consulting', 'officeReview', 'approved', 'delivered', 'closed', 'withdrawn', 'awaitingPayment'])
      assert.ok(statuses.has(s), `a request in ${s}`);
    assert.ok(rows.every((r) => r.idNumberEnc.startsWith('v2:') && r.idNumberMasked.includes('*')));
    assert.ok(rows.some((r) => Number(r.extensionDays) > 0), 'one request was extended');
  });

  test('has a paid and an unpaid fee, a reconsideration and a withholding filing with its refusals', async () => {
    const { db } = services.database;
    const fees = await db.selectFrom('requestFees').select(['amountFen', 'paidOn']).execute();
    assert.equal(fees.length, 2);
    assert.ok(fees.every((f) => Number(f.amountFen) > 0));
    assert.equal(fees.filter((f) => f.paidOn).length, 1);
    assert.equal((await db.selectFrom('requestChallenges').select('id').execute()).length, 1);
    const filingRows = await db.selectFrom('withholdingFilingRows').select('id').execute();
    assert.ok(filingRows.length >= 3, `filing rows ${filingRows.length}`);
  });

  test('a two-character word (征地) finds published items', async () => {
    const result = await services.search.search({ q: '征地', page: 1, pageSize: 20 });
    assert.ok(result.total >= 10, `total ${result.total}`);
    const ids = result.hits.map((h) => h.itemId);
    const statuses = await services.database.db.selectFrom('items').select('status').where('id', 'in', ids).execute();
    assert.ok(statuses.every((s) => s.status === 'published'));
  });
});
