import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRelease } from './reply-files.rules.ts';

test('a file of a partly granted item goes out only redacted (第三十七条)', () => {
  assert.equal(fileRelease({ hasRedactedCopy: false, itemOutcome: 'partlyGranted', replyOutcome: 'partlyGranted' }), 'needsRedaction');
  assert.equal(fileRelease({ hasRedactedCopy: true, itemOutcome: 'partlyGranted', replyOutcome: 'partlyGranted' }), 'redacted');
});

test('a file of a granted item goes out as it is, even when the reply is partly granted', () => {
  assert.equal(fileRelease({ hasRedactedCopy: false, itemOutcome: 'granted', replyOutcome: 'partlyGranted' }), 'original');
  assert.equal(fileRelease({ hasRedactedCopy: true, itemOutcome: 'granted', replyOutcome: 'granted' }), 'redacted');
});

test('a file of the reply as a whole follows the reply outcome', () => {
  assert.equal(fileRelease({ hasRedactedCopy: false, itemOutcome: null, replyOutcome: 'granted' }), 'original');
  assert.equal(fileRelease({ hasRedactedCopy: false, itemOutcome: null, replyOutcome: 'partlyGranted' }), 'needsRedaction');
  assert.equal(fileRelease({ hasRedactedCopy: false, itemOutcome: null, replyOutcome: null }), 'withheld');
});

test('a file of an item not granted is never given out', () => {
  for (const outcome of ['refused', 'unableToProvide', 'notProcessed', 'otherHandling'] as const)
    assert.equal(fileRelease({ hasRedactedCopy: true, itemOutcome: outcome, replyOutcome: 'partlyGranted' }), 'withheld');
});
