// A fresh database for each test file: a temporary SQLite file by default, or a new PostgreSQL
// database when TEST_DATABASE_URL is set (CI sets it). Real databases, never mocks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase } from './postgres.ts';
import { loadConfig } from '../../src/config.ts';
import { FakeClock, type Clock } from '../../src/core/time/clock.ts';
import { createServices, type Services } from '../../src/services.ts';

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

const createPostgresDatabase = () => createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'gk_test');

export interface TestServices extends Services {
  clock: FakeClock | Clock;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** Services on a fresh database; the fake clock starts at 2025-09-26 10:00 Beijing time unless given. */
export async function createTestServices(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestServices & { clock: Clock }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  const pgDb = usingPostgres ? await createPostgresDatabase() : undefined;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', ...opts.env });
  const clock = opts.clock ?? new FakeClock('2025-09-26T02:00:00Z');
  const services = await createServices(config, { clock });
  return {
    ...services,
    dataDir,
    async cleanup() {
      await services.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
