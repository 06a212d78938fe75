// Requests Node's HTTP parser refuses (a raw Chinese URL from a careless client, a space in the
// path, an oversized header) get our error format with a Chinese message, over a real socket
// (app.inject bypasses the parser).
import assert from 'node:assert/strict';
import net from 'node:net';
import { before, describe, test } from 'node:test';
import { useHttpFixture } from '../helpers/http-fixture.ts';

function rawRequest(port: number, head: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe('requests the HTTP parser refuses', () => {
  let port: number;
  const t = useHttpFixture();
  before(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });

  for (const url of ['/search?q=土地', '/items/a b']) {
    test(`a raw ${JSON.stringify(url)}: 400 BAD_REQUEST in our format`, async () => {
      const res = await rawRequest(port, Buffer.from(`GET ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      assert.equal(res.status, 400);
      assert.deepEqual(JSON.parse(res.body), { error: { code: 'BAD_REQUEST', message: '请求地址或格式无效', fields: [] } });
    });
  }

  test('an oversized header: 431 HEADERS_TOO_LARGE', async () => {
    const res = await rawRequest(port, Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`));
    assert.equal(res.status, 431);
    assert.equal(JSON.parse(res.body).error.code, 'HEADERS_TOO_LARGE');
  });
});
