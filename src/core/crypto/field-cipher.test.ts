import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createFieldCipher } from './field-cipher.ts';

test('encrypts with a fresh IV each time and decrypts back', () => {
  const c = createFieldCipher(randomBytes(32));
  const a = c.encrypt('320402198001016333');
  const b = c.encrypt('320402198001016333');
  assert.notEqual(a, b);
  assert.ok(!a.includes('320402'));
  assert.equal(c.decrypt(a), '320402198001016333');
});

test('tampering is detected', () => {
  const c = createFieldCipher(randomBytes(32));
  const stored = c.encrypt('secret');
  const [version, keyId, data] = stored.split(':');
  const raw = Buffer.from(data!, 'base64');
  raw[raw.length - 1] ^= 1;
  assert.throws(() => c.decrypt(`${version}:${keyId}:${raw.toString('base64')}`));
});

test('blind index: equal for equal values (case-insensitive), different across keys', () => {
  const key = randomBytes(32);
  const c = createFieldCipher(key);
  assert.equal(c.blindIndex('32040219800101633x'), c.blindIndex('32040219800101633X'));
  assert.notEqual(c.blindIndex('a'), createFieldCipher(randomBytes(32)).blindIndex('a'));
});

test('rotation: values carry the key id; previous keys still decrypt; v1 values are read', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = createFieldCipher(oldKey);
  const written = before.encrypt('13812345678');
  assert.match(written, new RegExp(`^v2:${before.keyId}:`));
  const after = createFieldCipher(newKey, [oldKey]);
  assert.notEqual(after.keyId, before.keyId);
  assert.equal(after.decrypt(written), '13812345678');
  assert.ok(after.needsRotation(written));
  assert.ok(!after.needsRotation(after.encrypt('x')));
  assert.throws(() => createFieldCipher(newKey).decrypt(written), /SECRET_KEY_PREVIOUS/);
  // A value written before key ids existed: `v1:` + iv, tag and body under the old key.
  const legacy = `v1:${written.split(':')[2]}`;
  assert.equal(after.decrypt(legacy), '13812345678');
});
