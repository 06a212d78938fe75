// `npm test`: lint, type-check, then every test suite with node's test runner (whose summary is
// the last thing printed). Suites that need Chromium or PostgreSQL run when those are present;
// when they are missing the run says so plainly, and REQUIRE_BROWSER=1 / TEST_DATABASE_URL
// (set by .ci/run) make them mandatory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } }).status ?? 1;

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.test.ts') || f.endsWith('.test.tsx'))
    .sort();
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = fs.existsSync(chromium);
const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const notes = [];

console.log('== lint (eslint)');
if (run(bin('eslint'), ['.', '--max-warnings=0']) !== 0) process.exit(1);
console.log('== type-check (tsc --noEmit)');
if (run(bin('tsc'), ['--noEmit']) !== 0) process.exit(1);

const all = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))];
const browserTests = all.filter((f) => f.includes(`${path.sep}e2e${path.sep}`));
let files = all.filter((f) => !browserTests.includes(f));
if (haveBrowser) files = files.concat(browserTests);
else if (requireBrowser) {
  console.error(`REQUIRE_BROWSER=1 but Chromium is missing at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
} else notes.push(`SKIPPED ${browserTests.length} browser suite(s) (test/e2e): Chromium not found at ${chromium}. Enable: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);

if (process.env.TEST_DATABASE_URL) notes.push(`Database: PostgreSQL (TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}).`);
else notes.push('Database: SQLite. SKIPPED the PostgreSQL run: set TEST_DATABASE_URL (e.g. `TEST_DATABASE_URL=$(scripts/start-test-postgres.sh) npm test`) to run every suite on PostgreSQL.');

for (const n of notes) console.log(`== ${n}`);
const status = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { NODE_ENV: 'test' });
process.exit(status);
