// The crash test: the real server is killed (SIGKILL) while 200 applications are being
// submitted concurrently; after a restart every application that got a tracking code exists
// exactly once, and retrying the unanswered ones with their idempotency keys creates no duplicate.
import { randomBytes } from 'node:crypto';
import { createThrowawayDatabase } from '../helpers/postgres.ts';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/services.ts';
import { createFixture } from '../factories.ts';
import { application } from './request-helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-crash-'));
let dropDb: (() => Promise<void>) | undefined;
const children: ChildProcess[] = [];

after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await dropDb?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function databaseUrl(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return '';
  const database = await createThrowawayDatabase(admin, 'gk_crash');
  dropDb = database.drop;
  return database.url;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  children.push(child);
  return child;
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

test('SIGKILL during 200 concurrent applications loses and duplicates nothing that was acknowledged', { timeout: 180_000 }, async () => {
  const DATABASE_URL = await databaseUrl();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL });
  const setup = await createServices(config);
  const fx = await createFixture(setup);
  await setup.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL, PORT: String(port), HOST: '127.0.0.1', APPLY_RATE_PER_MINUTE: '100000', LOG_LEVEL: 'silent' };
  let server = startServer(env);
  await waitHealthy(base, server);

  const payload = JSON.stringify({ ...application(), agencyCode: fx.agency.code });
  const keys = Array.from({ length: 200 }, (_, i) => `crash-${i}-${randomBytes(6).toString('hex')}`);
  const answered = new Map<string, string>();
  let settled = 0;
  const exited = new Promise((r) => server.once('exit', r));
  await Promise.all(keys.map(async (key) => {
    try {
      const res = await fetch(`${base}/api/v1/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: payload });
      if (res.status === 201) answered.set(key, ((await res.json()) as { trackingCode: string }).trackingCode);
    } catch {
      // the connection died with the server: unanswered
    } finally {
      if (++settled === 30) server.kill('SIGKILL');
    }
  }));
  await exited;
  assert.ok(answered.size >= 1, 'some applications were acknowledged before the kill');

  server = startServer(env);
  await waitHealthy(base, server);
  const check = await createServices(config, { migrate: false });
  try {
    for (const [key, code] of answered) {
      const rows = await check.database.db.selectFrom('requests').select(['trackingCode']).where('idempotencyKey', '=', key).execute();
      assert.deepEqual(rows.map((r) => r.trackingCode), [code], key);
    }
    // Retry everything: the acknowledged ones get their receipt back, the others are created once.
    for (const key of keys) {
      const res = await fetch(`${base}/api/v1/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: payload });
      assert.equal(res.status, 201);
      const code = ((await res.json()) as { trackingCode: string }).trackingCode;
      if (answered.has(key)) assert.equal(code, answered.get(key));
    }
    const rows = await check.database.db.selectFrom('requests').select(['idempotencyKey']).where('idempotencyKey', 'in', keys).execute();
    assert.equal(rows.length, 200);
    assert.equal(new Set(rows.map((r) => r.idempotencyKey)).size, 200);
    const events = await check.database.db.selectFrom('requestEvents').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'received').executeTakeFirstOrThrow();
    assert.equal(Number(events.n), 200);
    console.log(`crash test: ${answered.size} of 200 acknowledged before SIGKILL`);
  } finally {
    await check.close();
    server.kill('SIGTERM');
  }
});
