// Running the `gongkai` command over a test's services: in a child process (bin/gongkai.js, as an
// operator would) or in this process (the command's run function, its console output captured).
// Either way the command opens the test's own database: the SQLite file or the throwaway
// PostgreSQL database, and the test's data folder.
import { spawnSync } from 'node:child_process';
import type { TestServices } from './test-services.ts';

/** The test's data folder and database as the command's environment (NODE_ENV test unless `env` says otherwise). */
export function cliEnv(services: TestServices, env: Record<string, string> = {}): Record<string, string | undefined> {
  const { database } = services.config;
  const url = database.kind === 'postgres' ? database.url : `sqlite:${database.file}`;
  return { NODE_ENV: 'test', DATA_DIR: services.dataDir, DATABASE_URL: url, ...env };
}

/** Runs `gongkai ARGS` in a child process; `env` adds to or overrides the test environment. */
export function runCli(services: TestServices, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/gongkai.js', ...args], { env: { ...process.env, ...cliEnv(services, env) }, encoding: 'utf8' });
}

/** Runs one command in this process; returns its exit code and what it printed with console.log. */
export async function runCommand(services: TestServices, name: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = cliEnv(services);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void lines.push(parts.join(' '));
  try {
    const { commands } = await import('../../src/cli/commands.ts');
    const command = commands[name];
    if (!command) throw new Error(`no command "${name}"`);
    return { code: await command.run(args), out: lines.join('\n') };
  } finally {
    console.log = log;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}
