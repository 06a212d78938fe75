import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newTrackingCode, normalizeTrackingCode } from './tracking-code.ts';

test('tracking codes are grouped Crockford base32 and typing slips are forgiven', () => {
  const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()));
  assert.equal(codes.size, 2000);
  for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.equal(normalizeTrackingCode(' k7qh 3m9d x2pa '), 'K7QH-3M9D-X2PA');
  assert.equal(normalizeTrackingCode('K7QH-3M9D-X2PO'), 'K7QH-3M9D-X2P0');
  assert.equal(normalizeTrackingCode('K7QH-3M9D-X2P'), null);
  assert.equal(normalizeTrackingCode("K7QH-3M9D-X2P'"), null);
});
