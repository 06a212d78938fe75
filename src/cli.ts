// Command-line entry point (`gongkai`, or `npm run cli --`). Every command works on the database
// that DATA_DIR / DATABASE_URL select: the same one the server uses.
import { ConfigError } from './config.ts';
import { AppError } from './core/errors.ts';
import { commands } from './cli/commands.ts';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  gongkai ${name.padEnd(16)} ${c.summary}`);
  return ['用法 Usage:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [group, sub, ...rest] = argv;
  const key = sub && commands[`${group} ${sub}`] ? `${group} ${sub}` : group;
  const command = key ? commands[key] : undefined;
  if (!command) {
    console.error(usage());
    return group ? 64 : 0;
  }
  const args = key === group ? [sub, ...rest].filter((a): a is string => a !== undefined) : rest;
  return command.run(args);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      for (const f of err.fields) console.error(`  ${f.field}: ${f.message}`);
    } else console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError ? 78 : 1);
  });
