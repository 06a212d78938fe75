// A production installation starts empty: `gongkai agencies add` then `gongkai users add`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { creditCodeCheckChar } from '../../src/core/text/identifiers.ts';
import { runCli } from '../helpers/cli.ts';
import { useTestServices } from '../helpers/service-fixture.ts';

describe('first administrator from the command line', () => {
  const t = useTestServices();

  const cli = (...args: string[]) =>
    runCli(t.services, args, { NODE_ENV: 'production', SECRET_KEY: Buffer.alloc(32, 7).toString('base64'), GONGKAI_PASSWORD: 'Str0ng!passw0rd' });

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
    const row = await t.services.database.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    assert.equal(row.mustChangePassword, 1);
    assert.match(row.passwordHash, /^\$argon2id\$/);
    const twoAdminRoles = cli('users', 'add', '--username', 'admin2', '--name', '管理员二', '--role', 'sysAdmin,auditor');
    assert.notEqual(twoAdminRoles.status, 0);
    assert.match(twoAdminRoles.stderr, /三员分立/);
  });

  test('production refuses to start without SECRET_KEY', () => {
    const out = runCli(t.services, ['audit', 'verify'], { NODE_ENV: 'production', SECRET_KEY: '' });
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /SECRET_KEY/);
  });

  test('no demo data in production', async () => {
    const items = await t.services.database.db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(items.n), 0);
  });
});
