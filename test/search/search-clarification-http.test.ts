// /search shows the 澄清 label (条例 第六条) on a clarification's hit, as the column lists and the
// item page do, and not on an ordinary item's hit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createColumn, draftInput, publishedItem } from '../factories.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

const TAG = '<span class="tag tag-clarification">澄清</span>';

/** The <li> of the hit that links to the item. */
function hitOf(body: string, itemId: string): string {
  const hits = body.split('<li class="search-hit">').slice(1).map((h) => h.slice(0, h.indexOf('</li>')));
  const hit = hits.find((h) => h.includes(`/items/${itemId}"`));
  assert.ok(hit, `no search hit for ${itemId}`);
  return hit;
}

describe('search results label clarifications', () => {
  const t = useHttpFixture();

  test('the clarification carries 澄清, the ordinary item does not', async () => {
    const { services: s, fx } = t;
    const column = await createColumn(s, fx, '通知公告');
    const ordinary = await publishedItem(s, fx, column.id, { title: '关于城东片区土地征收范围的公告' });
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '关于网传城东片区全部征收的澄清说明' }));
    await s.officeRecords.clarifications.mark(fx.actor('drafter'), draft.id, {
      correctsItemId: ordinary.id, circulatingInfo: '网传城东片区将被全部征收', circulatingUrl: '',
    });
    // The fast path: confidentiality review, then the leader publishes.
    await s.review.act(fx.actor('drafter'), draft.id, 'submit', { opinion: '', basis: '' });
    await s.review.act(fx.actor('confidentialityReviewer'), draft.id, 'approve', { opinion: '', basis: '' });
    const published = await s.review.act(fx.actor('leader'), draft.id, 'publish', { opinion: '同意', basis: '' });
    assert.equal(published.status, 'published');

    const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('城东片区 征收')}` });
    assert.equal(res.statusCode, 200);
    assert.ok(hitOf(res.body, draft.id).includes(TAG));
    assert.ok(!hitOf(res.body, ordinary.id).includes(TAG));
    assert.ok(!hitOf(res.body, ordinary.id).includes('澄清'));
  });
});
