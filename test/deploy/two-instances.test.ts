// The reference deployment (docs/deployment.md) on this machine: two app processes on PostgreSQL
// behind a local nginx that balances round-robin between them. A session made through one
// instance works on the other, a publication through one instance invalidates the other's page
// cache, and nginx reaches both (each instance names itself in `x-instance`). PostgreSQL only;
// skipped when nginx is missing unless REQUIRE_NGINX=1 (CI installs nginx-light).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemClock } from '../../src/core/time/clock.ts';
import { advanceTo, createColumn, createFixture, draftInput, type Fixture } from '../factories.ts';
import { createTestServices, usingPostgres, type TestServices } from '../helpers/test-services.ts';
import { csrfFrom } from '../helpers/http.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const root = path.resolve(import.meta.dirname, '../..');
const haveNginx = fs.existsSync(NGINX);
if (!haveNginx && process.env.REQUIRE_NGINX === '1' && usingPostgres) throw new Error(`REQUIRE_NGINX=1 but nginx is missing at ${NGINX}: apt-get install nginx-light`);
const skip = !usingPostgres ? 'PostgreSQL only: set TEST_DATABASE_URL' : !haveNginx ? `nginx not found at ${NGINX} (apt-get install nginx-light)` : false;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}): ${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function start(cmd: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-4000)));
  child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-4000)));
  return { child, output: () => out };
}

function nginxConf(dir: string, listen: number, upstreams: number[]): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream gongkai { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 25m;
    location / {
      proxy_pass http://gongkai;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

/** Cookies a response sets, as name → value. */
function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

describe('two app instances behind nginx (PostgreSQL)', { skip }, () => {
  let s: TestServices;
  let fx: Fixture;
  let dir = '';
  const procs: ChildProcess[] = [];
  const base: Record<'a' | 'b' | 'nginx', string> = { a: '', b: '', nginx: '' };

  before(async () => {
    // The system clock: the instances publish "now", and the fixture must agree with them.
    s = await createTestServices({ clock: systemClock });
    fx = await createFixture(s);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-deploy-'));
    fs.chmodSync(dir, 0o755);
    const url = s.config.database.kind === 'postgres' ? s.config.database.url : '';
    const [pa, pb, pn] = [await freePort(), await freePort(), await freePort()];
    const apps = (['a', 'b'] as const).map((id, i) => {
      const port = [pa, pb][i];
      base[id] = `http://127.0.0.1:${port}`;
      const app = start(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        NODE_ENV: 'test', DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'),
        INSTANCE_ID: id, TRUST_PROXY: 'true',
      });
      procs.push(app.child);
      return app;
    });
    await Promise.all(apps.map((app, i) => waitUntilUp(`${[base.a, base.b][i]}/healthz`, app.child, app.output)));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, pn, [pa, pb]));
    const nginx = start(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {});
    procs.push(nginx.child);
    base.nginx = `http://127.0.0.1:${pn}`;
    await waitUntilUp(`${base.nginx}/healthz`, nginx.child, () => `${nginx.output()} ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
  });

  after(async () => {
    await Promise.all(procs.map((p) => new Promise((resolve) => {
      if (p.exitCode !== null || p.signalCode !== null) return resolve(null);
      p.once('exit', resolve);
      p.kill('SIGTERM');
    })));
    await s.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('round-robin reaches both instances', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${base.nginx}/healthz`);
      assert.equal(res.status, 200);
      seen.add(res.headers.get('x-instance') ?? '');
    }
    assert.deepEqual([...seen].sort(), ['a', 'b']);
  });

  test('a session made through nginx works on both instances; a publication on one refreshes the other\'s cached pages', async () => {
    // Sign in through nginx: the login page and the form post land on different instances.
    const loginPage = await fetch(`${base.nginx}/console/login`);
    const csrfCookie = setCookies(loginPage).gk_csrf;
    const loginPost = await fetch(`${base.nginx}/console/login`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: `gk_csrf=${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfFrom(await loginPage.text()), username: fx.users.officer.username, password: fx.password }).toString(),
    });
    assert.equal(loginPost.status, 303);
    assert.notEqual(loginPage.headers.get('x-instance'), loginPost.headers.get('x-instance'));
    const cookie = `gk_session=${setCookies(loginPost).gk_session}`;
    for (const at of [base.a, base.b, base.nginx, base.nginx]) {
      const res = await fetch(`${at}/api/v1/staff/queue`, { headers: { cookie } });
      assert.equal(res.status, 200, `signed in on ${res.headers.get('x-instance')}`);
    }
    // The signed-in CSRF token belongs to the session (stored in the database, like the session).
    let page = await fetch(`${base.nginx}${loginPost.headers.get('location')}`, { headers: { cookie }, redirect: 'manual' });
    if (page.status === 303) page = await fetch(`${base.nginx}${page.headers.get('location')}`, { headers: { cookie } });
    const csrf = csrfFrom(await page.text());

    // An item one step before publication, and its column page cached on both instances.
    const column = await createColumn(s, fx, '通知公告');
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '关于两实例部署验证的通知' }));
    await advanceTo(s, fx, draft.id, 'officeCheck');
    const columnPage = (at: string) => fetch(`${at}/columns/${column.id}`);
    for (const at of [base.a, base.b]) {
      await columnPage(at);
      const cached = await columnPage(at);
      assert.equal(cached.headers.get('x-page-cache'), 'hit');
      assert.ok(!(await cached.text()).includes('关于两实例部署验证的通知'));
    }

    const published = await fetch(`${base.nginx}/api/v1/staff/items/${draft.id}/actions/publish`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ opinion: '同意发布', basis: '' }),
    });
    assert.equal(published.status, 200, await published.clone().text());
    const publishedOn = published.headers.get('x-instance');
    const other = publishedOn === 'a' ? base.b : base.a;
    const fresh = await columnPage(other);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.headers.get('x-page-cache'), 'miss');
    assert.ok((await fresh.text()).includes('关于两实例部署验证的通知'), 'the other instance shows the new item');
  });
});
