// Graceful shutdown (issue 8 part 7): SIGTERM turns /readyz 503 first, then the server stops
// accepting and still completes the request in flight; the job runner's stop() lets the running
// job finish and claims no further one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enqueueJob } from '../../src/core/jobs/jobs.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { application } from '../requests/request-helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(port: number, url: string): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
}

describe('graceful shutdown', () => {
  const t = useServiceFixture();

  test('stop() waits for the running job and claims no further one', async () => {
    let release!: () => void;
    const started: string[] = [];
    t.services.jobs.register('ops.slow', async (payload) => {
      started.push(String((payload as { n: number }).n));
      await new Promise<void>((r) => (release = r));
    });
    const { db } = t.services.database;
    await enqueueJob(db, t.services.clock, 'ops.slow', { n: 1 });
    await enqueueJob(db, t.services.clock, 'ops.slow', { n: 2 });
    const stop = t.services.jobs.start(10);
    while (started.length === 0) await sleep(10);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await sleep(50);
    assert.equal(stopped, false, 'stop() returned while a job was still running');
    release();
    await stopping;
    const rows = await db.selectFrom('jobs').select(['payload', 'status']).where('kind', '=', 'ops.slow').orderBy('payload').execute();
    assert.deepEqual(rows.map((r) => r.status), ['done', 'pending']);
    assert.deepEqual(started, ['1']);
  });

  test('SIGTERM: /readyz 503, new connections refused, the slow request in flight completes, exit 0', async () => {
    const cfg = t.services.config;
    const env = {
      ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: cfg.dataDir, SHUTDOWN_GRACE_MS: '1500',
      DATABASE_URL: cfg.database.kind === 'postgres' ? cfg.database.url : `sqlite:${cfg.database.file}`,
    };
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts', '--with-worker'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !/localhost:(\d+)\//.test(out); i++) await sleep(50);
      const port = Number(/localhost:(\d+)\//.exec(out)?.[1]);
      assert.ok(port > 0, `server did not start: ${out}`);
      assert.deepEqual(await get(port, '/readyz'), { status: 200 });

      // A slow client: headers and half the body now, the rest after the server stopped accepting.
      const body = Buffer.from(JSON.stringify({ ...application(), agencyCode: t.fx.agency.code }));
      let slowRequest: http.ClientRequest | undefined;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1', port, path: '/api/v1/requests', method: 'POST', agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length, 'idempotency-key': 'shutdown-test-1' },
        }, (res) => {
          let text = '';
          res.on('data', (d) => (text += String(d)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write(body.subarray(0, 40));
        slowRequest = req;
      });
      await sleep(300);
      child.kill('SIGTERM');
      let ready = await get(port, '/readyz');
      for (let i = 0; i < 40 && 'status' in ready && ready.status === 200; i++) ready = await get(port, '/readyz');
      assert.deepEqual(ready, { status: 503 }, 'readiness turns off first, while still serving');
      let refused = await get(port, '/healthz');
      for (let i = 0; i < 100 && !('error' in refused); i++) {
        await sleep(50);
        refused = await get(port, '/healthz');
      }
      assert.ok('error' in refused, 'the server stopped accepting connections after the grace period');
      assert.equal(child.exitCode, null, 'the process waits for the request in flight');
      slowRequest!.end(body.subarray(40));
      const res = await response;
      assert.equal(res.status, 201, res.body);
      assert.equal(await exited, 0, out);
      const stored = await t.services.database.db.selectFrom('requests').select('id').where('idempotencyKey', '=', 'shutdown-test-1').execute();
      assert.equal(stored.length, 1, 'the acknowledged application is stored');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
