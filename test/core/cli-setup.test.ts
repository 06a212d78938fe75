// A production installation starts empty: `gongkai agencies add` then `gongkai users add`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { creditCodeCheckChar } from '../../src/core/text/identifiers.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('first administrator from the command line', () => {
  let s: TestServices;
  before(async () => {
    s = await createTestServices();
  });
  after(async () => s.cleanup());

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', SECRET_KEY: Buffer.alloc(32, 7).toString('base64'), GONGKAI_PASSWORD: 'Str0ng!passw0rd', DATA_DIR: s.dataDir, DATABASE_URL: s.config.database.kind === 'postgres' ? s.config.database.url : '' },
    });

  test('agencies add validates the credit code, then users add creates a sysAdmin who must change the password', async () => {
    const bad = cli('agencies', 'add', '--code', 'prov', '--name', '某省自然资源厅', '--short', '某省厅', '--credit-code', '11330000MB1234567X');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /统一社会信用代码无效/);
    const first17 = '11330000MB1234567';
    const code = first17 + creditCodeCheckChar(first17);
    const ok = cli('agencies', 'add', '--code', 'prov', '--name', '某省自然资源厅', '--short', '某省厅', '--credit-code', code);
    assert.equal(ok.status, 0, ok.stderr);
    const user = cli('users', 'add', '--username', 'admin', '--name', '管理员', '--role', 'sysAdmin');
    assert.equal(user.status, 0, user.stderr);
    const row = await s.database.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    assert.equal(row.mustChangePassword, 1);
    assert.match(row.passwordHash, /^\$argon2id\$/);
    const twoAdminRoles = cli('users', 'add', '--username', 'admin2', '--name', '管理员二', '--role', 'sysAdmin,auditor');
    assert.notEqual(twoAdminRoles.status, 0);
    assert.match(twoAdminRoles.stderr, /三员分立/);
  });

  test('production refuses to start without SECRET_KEY', () => {
    const out = spawnSync(process.execPath, ['bin/gongkai.js', 'audit', 'verify'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', SECRET_KEY: '', DATA_DIR: s.dataDir, DATABASE_URL: s.config.database.kind === 'postgres' ? s.config.database.url : '' },
    });
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /SECRET_KEY/);
  });

  test('no demo data in production', async () => {
    const items = await s.database.db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(items.n), 0);
  });
});
