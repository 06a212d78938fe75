// Requests take turns: at most HTTP_REQUESTS_PER_TURN (default 8) new requests start per event-loop
// iteration; the rest wait, first come first served, for the next iterations.
//
// Why (measured with `npm run load`, see bench/load.ts): Node's server accepts ONE new connection
// per event-loop iteration (libuv 1.46, Node 20), and reads every ready connection in each
// iteration. On SQLite the database work is synchronous, so a busy iteration ran every ready
// request to the end: ~150 requests, 60–100 ms per iteration, ~12 iterations a second. 200
// connections opened at once were then accepted over 10–13 s, one per iteration, and the last
// ones' first requests timed out in the client although the server answered each request it had
// read within 30 ms. Taking turns keeps an iteration to a few milliseconds (the same 200
// connections are accepted within 1–2.5 s), treats connections accepted late like the others,
// and costs no throughput (measured: as much or more). PostgreSQL's queries already yield to the
// event loop; turns cost it nothing measurable.
//
// A request whose client went away while it waited is not started.
import http from 'node:http';
import type { FastifyServerFactory, FastifyServerOptions } from 'fastify';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let waitingInProcess = 0;

/** Requests read and waiting for their turn, in this process (for the metrics). */
export function requestsWaitingForTurn(): number {
  return waitingInProcess;
}

/** Wraps a request handler so that requests take turns (see the head of this file). */
export function takingTurns(handler: Handler, perTurn: number): Handler {
  const waiting: [http.IncomingMessage, http.ServerResponse][] = [];
  let startedThisTurn = 0;
  let turnScheduled = false;

  // Runs in the check phase, after this iteration's reads: a new turn starts the next requests in
  // the queue and, while any are left, schedules the turn after (setImmediate from a check-phase
  // callback runs in the next iteration, after that iteration's accept and reads).
  const nextTurn = () => {
    startedThisTurn = 0;
    while (startedThisTurn < perTurn && waiting.length > 0) {
      const [req, res] = waiting.shift()!;
      waitingInProcess--;
      if (req.socket.destroyed) continue;
      startedThisTurn++;
      handler(req, res);
    }
    if (waiting.length > 0) setImmediate(nextTurn);
    else turnScheduled = false;
  };

  return (req, res) => {
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(nextTurn);
    }
    if (waiting.length === 0 && startedThisTurn < perTurn) {
      startedThisTurn++;
      handler(req, res);
    } else {
      waiting.push([req, res]);
      waitingInProcess++;
    }
  };
}

/**
 * Fastify's `serverFactory`: the plain HTTP/1 server Fastify would make (its timeouts included,
 * as fastify/lib/server.js sets them), with `perTurn` new requests per turn (HTTP_REQUESTS_PER_TURN,
 * default 8: a busy SQLite turn is then ~8 × 0.5 ms).
 */
export const turnTakingServer = (perTurn: number): FastifyServerFactory => (handler, options: FastifyServerOptions & { http?: http.ServerOptions }) => {
  const server = http.createServer(options.http ?? {}, takingTurns(handler as Handler, perTurn));
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
};
