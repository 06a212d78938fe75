// The notice corpus (test/fixtures/notices): land-acquisition compensation lists, registration
// results, enforcement decisions and clean notices, with the findings a reviewer expects. The
// corpus threshold is the screening threshold: low-confidence organisation data is not counted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { findPersonalData } from '../../src/core/text/pii.ts';
import { documentKind, documentText, SCREENING_MIN_CONFIDENCE } from '../../src/modules/privacy/index.ts';

const dir = path.join(import.meta.dirname, '../fixtures/notices');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { type: string; text: string }[]>;

describe('notice corpus', () => {
  test('has at least 30 notices, a quarter of them clean', () => {
    const names = Object.keys(expected);
    assert.ok(names.length >= 30);
    assert.ok(names.filter((n) => expected[n]!.length === 0).length >= 8);
  });

  for (const [file, want] of Object.entries(expected)) {
    test(file, async () => {
      const text = await documentText(fs.readFileSync(path.join(dir, file)), documentKind(file)!);
      const findings = findPersonalData(text, { minConfidence: SCREENING_MIN_CONFIDENCE });
      for (const f of findings) assert.equal(text.slice(f.start, f.end), f.text);
      assert.deepEqual(findings.map((f) => ({ type: f.type, text: f.text })), want);
    });
  }
});
