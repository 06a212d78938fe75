import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_OUTCOME_REASONS, OUTCOME_REASONS, OUTCOMES, REASON_BASIS, REPLY_TYPE_RULES, REPLY_TYPES, reasonFits, reportedOutcome } from './outcomes.ts';

describe('outcomes (table 三)', () => {
  test('19 reasons in the table order: 8 refusals, 3 unable, 5 not processed, 3 other', () => {
    assert.deepEqual(OUTCOMES.map((o) => OUTCOME_REASONS[o].length), [0, 0, 8, 3, 5, 3]);
    assert.equal(ALL_OUTCOME_REASONS.length, 19);
    assert.equal(new Set(ALL_OUTCOME_REASONS).size, 19);
  });

  test('every reason but "other" cites its legal basis', () => {
    for (const r of ALL_OUTCOME_REASONS) if (r !== 'other') assert.match(REASON_BASIS[r], /第.+条/, r);
  });

  test('reasons belong to their outcome', () => {
    assert.equal(reasonFits('granted', null), true);
    assert.equal(reasonFits('granted', 'stateSecret'), false);
    assert.equal(reasonFits('refused', null), false);
    assert.equal(reasonFits('refused', 'stateSecret'), true);
    assert.equal(reasonFits('refused', 'notHeld'), false);
    assert.equal(reasonFits('otherHandling', 'feeUnpaid'), true);
  });

  test('reply types of 第三十六条 map onto fitting outcomes', () => {
    for (const t of REPLY_TYPES) {
      const rule = REPLY_TYPE_RULES[t];
      if (rule.reason) assert.ok(reasonFits(rule.outcome, rule.reason), t);
    }
    assert.equal(REPLY_TYPE_RULES.alreadyPublished.outcome, 'granted');
    assert.deepEqual([REPLY_TYPE_RULES.notHeldByAgency.outcome, REPLY_TYPE_RULES.notHeldByAgency.reason], ['unableToProvide', 'notHeld']);
  });

  test('a reply with provided and withheld items counts only as partly granted', () => {
    assert.deepEqual(reportedOutcome([{ outcome: 'granted', reason: null }, { outcome: 'refused', reason: 'stateSecret' }, { outcome: 'refused', reason: 'thirdPartyRights' }]), { outcome: 'partlyGranted', reason: null });
    assert.deepEqual(reportedOutcome([{ outcome: 'granted', reason: null }, { outcome: 'unableToProvide', reason: 'notHeld' }]), { outcome: 'partlyGranted', reason: null });
    assert.deepEqual(reportedOutcome([{ outcome: 'partlyGranted', reason: null }]), { outcome: 'partlyGranted', reason: null });
    assert.deepEqual(reportedOutcome([{ outcome: 'granted', reason: null }, { outcome: 'granted', reason: null }]), { outcome: 'granted', reason: null });
  });

  test('nothing provided: the first decision in the table order', () => {
    assert.deepEqual(reportedOutcome([{ outcome: 'unableToProvide', reason: 'notHeld' }, { outcome: 'refused', reason: 'processInformation' }, { outcome: 'refused', reason: 'stateSecret' }]), { outcome: 'refused', reason: 'stateSecret' });
    assert.deepEqual(reportedOutcome([{ outcome: 'notProcessed', reason: 'repeated' }, { outcome: 'unableToProvide', reason: 'needsCreation' }]), { outcome: 'unableToProvide', reason: 'needsCreation' });
    assert.throws(() => reportedOutcome([]));
  });
});
