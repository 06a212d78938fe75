import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { checkDownloadToken, downloadKey, downloadToken, DOWNLOAD_TTL_MS } from './download-tokens.ts';

const key = downloadKey(randomBytes(32));
const now = Date.parse('2025-10-20T02:00:00Z');
const ref = { kind: 'file' as const, requestId: '01JAAAAAAAAAAAAAAAAAAAAAAA', id: '01JABCDEFGHJKMNPQRSTVWXYZ0' };

test('a token opens what it names until it expires (24 h)', () => {
  const token = downloadToken(key, ref, now);
  assert.deepEqual(checkDownloadToken(key, token, now + DOWNLOAD_TTL_MS - 1000), { ok: true, ref });
  assert.deepEqual(checkDownloadToken(key, token, now + DOWNLOAD_TTL_MS), { ok: false, reason: 'expired' });
});

test('a forged, altered or foreign token is invalid', () => {
  const token = downloadToken(key, ref, now);
  const [kind, requestId, id, exp, sig] = token.split('.');
  assert.equal(checkDownloadToken(key, `${kind}.${requestId}.${id}.${Number(exp) + 3600}.${sig}`, now).ok, false);
  assert.equal(checkDownloadToken(key, `noticePdf.${requestId}.${id}.${exp}.${sig}`, now).ok, false);
  assert.equal(checkDownloadToken(key, `${kind}.01JBBBBBBBBBBBBBBBBBBBBBBB.${id}.${exp}.${sig}`, now).ok, false);
  assert.equal(checkDownloadToken(downloadKey(randomBytes(32)), token, now).ok, false);
  assert.deepEqual(checkDownloadToken(key, 'file.x.1.y', now), { ok: false, reason: 'invalid' });
});
