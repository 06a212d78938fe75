import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, host ::, SQLite under ./data', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '::');
  assert.equal(c.database.kind, 'sqlite');
  assert.match(c.database.kind === 'sqlite' ? c.database.file : '', /data\/gongkai\.sqlite$/);
  assert.equal(c.isProduction, false);
});

test('a postgres:// DATABASE_URL switches to PostgreSQL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' });
  assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u@localhost/db', poolSize: 30 });
  const sized = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', DATABASE_POOL_SIZE: '40' });
  assert.equal(sized.database.kind === 'postgres' ? sized.database.poolSize : 0, 40);
  assert.throws(() => loadConfig({ DATABASE_POOL_SIZE: '0' }), (e: unknown) => e instanceof ConfigError && e.variable === 'DATABASE_POOL_SIZE');
});

test('invalid configuration names the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && e.variable === 'PORT' && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ NODE_ENV: 'prod' }), (e: unknown) => e instanceof ConfigError && e.variable === 'NODE_ENV');
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (e: unknown) => e instanceof ConfigError && e.variable === 'DATABASE_URL');
});

test('S3_BUCKET selects S3 attachment storage with the S3_* settings; unset keeps the disk', () => {
  assert.equal(loadConfig({}).s3, undefined);
  const c = loadConfig({ S3_BUCKET: 'gk', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'false' });
  assert.deepEqual(c.s3, { bucket: 'gk', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: false, accessKeyId: 'id', secretAccessKey: 'secret', prefix: '' });
  assert.throws(() => loadConfig({ S3_ENDPOINT: 'not a url' }), /S3_ENDPOINT/);
  assert.throws(() => loadConfig({ INSTANCE_ID: 'a b' }), /INSTANCE_ID/);
});

test('WORKER_HTTP_PORT: unset or empty means no worker listener; 0 picks a free port; junk is refused', () => {
  assert.equal(loadConfig({}).workerHttpPort, undefined);
  assert.equal(loadConfig({ WORKER_HTTP_PORT: '' }).workerHttpPort, undefined);
  assert.equal(loadConfig({ WORKER_HTTP_PORT: '0' }).workerHttpPort, 0);
  assert.equal(loadConfig({ WORKER_HTTP_PORT: '9464' }).workerHttpPort, 9464);
  assert.throws(() => loadConfig({ WORKER_HTTP_PORT: 'nine' }), (e: unknown) => e instanceof ConfigError && e.variable === 'WORKER_HTTP_PORT');
  assert.throws(() => loadConfig({ WORKER_HTTP_PORT: '70000' }), /WORKER_HTTP_PORT/);
});
