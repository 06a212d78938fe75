import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import { takingTurns } from './fair-turns.ts';

type Req = http.IncomingMessage;
type Res = http.ServerResponse;

const nextIteration = () => new Promise<void>((resolve) => setImmediate(resolve));
const fakeRequest = (n: number, destroyed = false) => [{ n, socket: { destroyed } } as unknown as Req, {} as Res] as const;

describe('requests taking turns', () => {
  it('starts at most the turn size per iteration, the rest first come first served', async () => {
    const started: number[] = [];
    const handle = takingTurns((req) => void started.push((req as unknown as { n: number }).n), 3);
    for (let n = 1; n <= 8; n++) handle(...fakeRequest(n));
    assert.deepEqual(started, [1, 2, 3]);
    await nextIteration();
    assert.deepEqual(started, [1, 2, 3, 4, 5, 6]);
    await nextIteration();
    assert.deepEqual(started, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lets a request read after a queue has formed wait behind it', async () => {
    const started: number[] = [];
    const handle = takingTurns((req) => void started.push((req as unknown as { n: number }).n), 2);
    for (let n = 1; n <= 4; n++) handle(...fakeRequest(n));
    await nextIteration(); // 3 and 4 start in the turn after the first
    handle(...fakeRequest(5));
    handle(...fakeRequest(6));
    handle(...fakeRequest(7));
    await nextIteration();
    await nextIteration();
    assert.deepEqual(started, [1, 2, 3, 4, 5, 6, 7]);
  });

  it('does not start a request whose client went away while it waited', async () => {
    const started: number[] = [];
    const handle = takingTurns((req) => void started.push((req as unknown as { n: number }).n), 1);
    handle(...fakeRequest(1));
    handle(...fakeRequest(2, true));
    handle(...fakeRequest(3));
    await nextIteration();
    await nextIteration();
    assert.deepEqual(started, [1, 3]);
  });

  // Node accepts one new connection per event-loop iteration: how many requests the server runs
  // while a burst of new connections is accepted is the measure (a count, not a time).
  async function requestsRunWhileAccepting(wrap: (h: (req: Req, res: Res) => void) => (req: Req, res: Res) => void): Promise<number> {
    let handled = 0;
    const server = http.createServer(wrap((_req, res) => {
      handled++;
      const until = performance.now() + 1; // 1 ms of synchronous work, as a SQLite page render
      while (performance.now() < until);
      res.end('ok');
    }));
    let accepted = 0;
    server.on('connection', () => void accepted++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 30 });
    let stop = false;
    const busy = () => {
      if (stop) return;
      http.get({ port, host: '127.0.0.1', agent, path: '/' }, (res) => res.resume().on('end', busy)).on('error', () => {});
    };
    for (let i = 0; i < 30; i++) busy();
    while (handled < 300) await new Promise((resolve) => setTimeout(resolve, 5));

    const before = accepted;
    const burst = Array.from({ length: 30 }, () => net.connect(port, '127.0.0.1').on('error', () => {}));
    const handledAtBurst = handled;
    while (accepted < before + 30) await new Promise((resolve) => setTimeout(resolve, 1));
    const during = handled - handledAtBurst;

    stop = true;
    for (const socket of burst) socket.destroy();
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    return during;
  }

  it('keeps accepting new connections while every connection it has is busy', async () => {
    const withTurns = await requestsRunWhileAccepting((h) => takingTurns(h, 4));
    const without = await requestsRunWhileAccepting((h) => h);
    // 30 accepts, one per iteration, at most ~4 new requests each with turns; without, every busy
    // connection's request runs in each of those iterations (~30 each).
    assert.ok(withTurns <= 30 * 8, `with turns ${withTurns} requests ran while 30 connections were accepted`);
    assert.ok(without > 2 * withTurns, `without turns ${without}, with ${withTurns}: the scenario did not load the server`);
  });
});
