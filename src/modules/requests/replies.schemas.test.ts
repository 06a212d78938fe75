import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPLY_TYPES } from './outcomes.ts';
import { catalogReference, checkReplyDraft, parseDecision, type ReplyItemInput } from './replies.schemas.ts';
import { decisionLabel, decisionParagraph, itemBasis, ordinal } from './reply-text.ts';

const item = (extra: Partial<ReplyItemInput>): ReplyItemInput => ({ description: '2024 年征收补偿方案', replyType: 'disclosed', ...extra });
const fields = (r: ReturnType<typeof checkReplyDraft>) => r.errors.map((e) => e.field);

describe('reply draft checks', () => {
  test('each reply type of 第三十六条 gives its outcome when no row is chosen', () => {
    const extras: Record<string, Partial<ReplyItemInput>> = {
      alreadyPublished: { catalogItemId: 'item-1' }, notHeldByAgency: { holderAgency: '赣州市住房和城乡建设局', explanation: '不属于本机关' },
      notDisclosed: { decision: 'refused:stateSecret', explanation: '属于国家秘密' }, doesNotExist: { explanation: '经检索没有' },
      repeatedRequest: { explanation: '已答复过' }, specialProcedure: { explanation: '请到不动产登记中心查询' },
    };
    const expected: Record<string, [string, string | null]> = {
      alreadyPublished: ['granted', null], disclosed: ['granted', null], notDisclosed: ['refused', 'stateSecret'],
      doesNotExist: ['unableToProvide', 'notHeld'], notHeldByAgency: ['unableToProvide', 'notHeld'],
      repeatedRequest: ['notProcessed', 'repeated'], specialProcedure: ['refused', 'administrativeQuery'],
    };
    for (const t of REPLY_TYPES) {
      const r = checkReplyDraft({ items: [item({ replyType: t, ...extras[t] })] }, 'disclosure');
      assert.deepEqual(r.errors, [], t);
      assert.deepEqual([r.items[0].outcome, r.items[0].reason], expected[t], t);
    }
  });

  test('a refusal needs one of the 8 reasons and an explanation', () => {
    const r = checkReplyDraft({ items: [item({ replyType: 'notDisclosed' })] }, 'disclosure');
    assert.deepEqual(fields(r), ['items.0.decision', 'items.0.explanation']);
    assert.match(r.errors[0].message, /第 1 项：请选择不予公开的理由/);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'notDisclosed', decision: 'refused:notHeld', explanation: 'x' })] }, 'disclosure')), ['items.0.decision']);
  });

  test('a chosen row must fit the reply type; partial disclosure rides on "disclosed"', () => {
    const ok = checkReplyDraft({ items: [item({ decision: 'partlyGranted', explanation: '删去第三方个人信息后提供（第三十七条）' })] }, 'disclosure');
    assert.equal(ok.items[0].outcome, 'partlyGranted');
    const bad = checkReplyDraft({ items: [item({ replyType: 'alreadyPublished', catalogItemId: 'x', decision: 'refused:stateSecret' })] }, 'disclosure');
    assert.match(bad.errors[0].message, /不能作出“不予公开”的决定/);
  });

  test('direct decisions: any table 三 row, validated with its reasons', () => {
    const r = checkReplyDraft({ items: [item({ replyType: 'direct', decision: 'unableToProvide:needsCreation', explanation: '需另行制作' })] }, 'disclosure');
    assert.deepEqual([r.items[0].outcome, r.items[0].reason], ['unableToProvide', 'needsCreation']);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'direct' })] }, 'disclosure')), ['items.0.decision']);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'direct', decision: 'notProcessed', explanation: 'x' })] }, 'disclosure')), ['items.0.decision']);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'direct', decision: 'nonsense' })] }, 'disclosure')), ['items.0.decision']);
  });

  test('already published needs the catalog item; not held by us needs the holder', () => {
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'alreadyPublished' })] }, 'disclosure')), ['items.0.catalogItemId']);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'notHeldByAgency', explanation: 'x' })] }, 'disclosure')), ['items.0.holderAgency']);
  });

  test('blank rows are dropped; errors name the row as the form shows it', () => {
    const r = checkReplyDraft({ items: [item({}), { description: '', replyType: 'disclosed' }, item({ description: '', explanation: '见附件' })] }, 'disclosure');
    assert.equal(r.items.length, 1);
    assert.deepEqual(fields(r), ['items.2.description']);
    assert.match(r.errors[0].message, /^第 3 项/);
  });

  test('record corrections (第四十一条): corrected, not corrected with reasons, or not ours', () => {
    const refused = checkReplyDraft({ items: [item({ replyType: 'notDisclosed', explanation: '原记录与档案一致，无需更正' })] }, 'recordCorrection');
    assert.deepEqual([refused.errors, refused.items[0].outcome, refused.items[0].reason], [[], 'refused', null]);
    assert.deepEqual(fields(checkReplyDraft({ items: [item({ replyType: 'repeatedRequest', explanation: 'x' })] }, 'recordCorrection')), ['items.0.decision']);
    assert.equal(checkReplyDraft({ items: [item({})] }, 'recordCorrection').items[0].outcome, 'granted');
  });
});

describe('reply text', () => {
  test('decision labels, bases and numerals', () => {
    assert.equal(parseDecision('refused:stateSecret')?.reason, 'stateSecret');
    assert.equal(parseDecision('bogus'), null);
    assert.equal(decisionLabel('refused', 'stateSecret'), '不予公开（属于国家秘密）');
    assert.equal(decisionLabel('granted', null, 'recordCorrection'), '予以更正');
    assert.match(itemBasis({ replyType: 'notDisclosed', outcome: 'refused', reason: 'thirdPartyRights' }), /第三十六条第（三）项；.*第十五条/);
    assert.match(itemBasis({ replyType: 'disclosed', outcome: 'partlyGranted', reason: null }), /第三十七条/);
    assert.equal(itemBasis({ replyType: 'disclosed', outcome: 'granted', reason: null }, 'recordCorrection'), '《中华人民共和国政府信息公开条例》第四十一条');
    assert.deepEqual([1, 10, 11, 20, 23].map(ordinal), ['一', '十', '十一', '二十', '二十三']);
  });

  test('an already published item says where; a not-held one names the holder', () => {
    const base = { id: 'r1', requestId: 'q', position: 1, description: '土地利用总体规划', replyType: 'alreadyPublished', outcome: 'granted', reason: null, explanation: '', catalogItemId: 'it1', holderAgency: '', docNumber: '', createdAt: '' };
    const p = decisionParagraph(base, 1, 'disclosure', { id: 'it1', title: '赣州市国土空间总体规划', indexNumber: '113607/2025-00001' });
    assert.match(p, /^一、关于“土地利用总体规划”：予以公开。.*《赣州市国土空间总体规划》，索引号 113607\/2025-00001，网址 \/items\/it1。依据：.*第三十六条第（一）项。$/);
    const q = decisionParagraph({ ...base, replyType: 'notHeldByAgency', outcome: 'unableToProvide', reason: 'notHeld', catalogItemId: null, holderAgency: '赣州市住建局（0797-1234567）' }, 2, 'disclosure', undefined);
    assert.match(q, /^二、.*无法提供（本机关不掌握相关政府信息）。该信息由赣州市住建局（0797-1234567）负责公开/);
  });
});

describe('naming an already-published item', () => {
  test('a portal link becomes the item ID; an ID or 索引号 stays as typed', () => {
    const id = '01JC0000000000000000000000';
    assert.equal(catalogReference(`https://gk.example.gov.cn/items/${id}`), id);
    assert.equal(catalogReference(` /gk/items/${id}?lang=zh-Hant `), id);
    assert.equal(catalogReference(`http://x/items/${id}#attachments`), id);
    assert.equal(catalogReference(id), id);
    assert.equal(catalogReference(' 11360700MB1234567X/2025-00012 '), '11360700MB1234567X/2025-00012');
  });
});
