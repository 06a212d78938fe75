// Requests that Node's HTTP parser refuses before Fastify sees them (raw non-ASCII bytes or spaces
// in the request line, malformed or oversized headers). Fastify's default answers in English with
// its own JSON shape; programs and people get our format and a Chinese message instead. There is
// no request yet, hence no request id.
import type { Socket } from 'node:net';

const STATUS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求头过大'],
};
const DEFAULT: [number, string, string] = [400, 'Bad Request', '请求地址或格式无效'];

export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // A connection the client already dropped or that timed out has nobody left to answer.
  if (err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = STATUS[err.code ?? ''] ?? DEFAULT;
  const body = JSON.stringify({ error: { code: status === 431 ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST', message, fields: [] } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
