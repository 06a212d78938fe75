import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, canTransition, inspectionDueOn, inspectionStage } from './participation.rules.ts';

test('addMonths keeps the day or falls back to the month end', () => {
  assert.equal(addMonths('2025-09-26', 3), '2025-12-26');
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2025-12-15', 1), '2026-01-15');
});

test('the inspection line is the day before three months on; stages at 1 and 2 months', () => {
  assert.equal(inspectionDueOn('2025-09-26'), '2025-12-25');
  assert.equal(inspectionStage('2025-09-26', '2025-10-25'), 'none');
  assert.equal(inspectionStage('2025-09-26', '2025-10-26'), 'oneMonth');
  assert.equal(inspectionStage('2025-09-26', '2025-11-26'), 'twoMonths');
  assert.equal(inspectionStage('2025-09-26', '2025-12-25'), 'twoMonths');
  assert.equal(inspectionStage('2025-09-26', '2025-12-26'), 'breached');
});

test('answered and invalid messages take no more verbs', () => {
  assert.equal(canTransition('approve', 'drafted'), true);
  assert.equal(canTransition('approve', 'routed'), false);
  for (const verb of ['route', 'draft', 'approve', 'markInvalid'] as const) {
    assert.equal(canTransition(verb, 'answered'), false);
    assert.equal(canTransition(verb, 'invalid'), false);
  }
});
