import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capText, MAX_EXTRACTED_CHARS } from './text-extract.ts';

test('extracted text loses control characters (PostgreSQL refuses NUL) but keeps lines and tabs', () => {
  assert.equal(capText('征地\u0000补偿\u0007公告\n第二行\t表格\r\n'), '征地补偿公告\n第二行\t表格\n');
});

test('extracted text is capped', () => {
  assert.equal(capText('地'.repeat(MAX_EXTRACTED_CHARS + 10)).length, MAX_EXTRACTED_CHARS);
});
