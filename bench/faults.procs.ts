// Process control and HTTP for the fault test (bench/faults.ts): the app and the worker run as
// real child processes that the test kills with SIGKILL and starts again; the HTTP client reports
// "no answer" (a connection refused or cut by a kill) separately from an answer.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seeded PRNG (mulberry32): the same FAULTS_SEED gives the same day and the same kill plan. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One restartable child process (the app or the worker). */
export class Managed {
  child: ChildProcess | undefined;
  kills = 0;
  starts = 0;
  private out = '';

  constructor(readonly name: string, private readonly script: string, private readonly env: Record<string, string>, private readonly ready: (m: Managed) => Promise<void>) {}

  output(): string {
    return this.out;
  }

  alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', this.script], { cwd: root, env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (this.out = (this.out + c.toString()).slice(-8000)));
    child.stderr!.on('data', (c: Buffer) => (this.out = (this.out + c.toString()).slice(-8000)));
    this.child = child;
    this.starts++;
    await this.ready(this);
  }

  /** SIGKILL: no shutdown hook runs, transactions in flight are cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive()) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  /** SIGTERM at the end of the run (graceful shutdown). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive()) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(30_000).then(() => child.kill('SIGKILL'))]);
  }
}

export async function waitForHttp(base: string, m: Managed, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (m.child && !m.alive()) throw new Error(`${m.name} exited: ${m.output()}`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${m.name} did not come up: ${m.output()}`);
    await sleep(100);
  }
}

export async function waitForOutput(m: Managed, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(m.output())) {
    if (m.child && !m.alive()) throw new Error(`${m.name} exited: ${m.output()}`);
    if (Date.now() > deadline) throw new Error(`${m.name} did not start: ${m.output()}`);
    await sleep(100);
  }
}

export interface Answer {
  status: number;
  body: string;
  headers: Headers;
}

/** One HTTP request; undefined when no answer came (refused, reset by a kill, timed out). */
export async function call(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer | undefined> {
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    return { status: res.status, body: await res.text(), headers: res.headers };
  } catch {
    return undefined;
  }
}

export function cookiesOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

export function csrfIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
