// The platform's secret key comes from the environment (SECRET_KEY, base64 of ≥ 32 bytes). In
// production it is required; elsewhere a key is generated once into DATA_DIR/secret.key (mode
// 0600) so that `npm start` works on a fresh machine and encrypted data survives restarts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../../config.ts';

export function loadSecretKey(config: Config, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.SECRET_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length < 32) throw new ConfigError('SECRET_KEY', 'must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`)');
    return key;
  }
  if (config.isProduction) throw new ConfigError('SECRET_KEY', 'is required in production (base64 of at least 32 random bytes)');
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * Keys replaced by a rotation (SECRET_KEY_PREVIOUS: base64 keys separated by commas): they only
 * decrypt, until `gongkai privacy rotate-keys` has re-encrypted everything under SECRET_KEY.
 */
export function loadPreviousSecretKeys(env: NodeJS.ProcessEnv = process.env): Buffer[] {
  const list = (env.SECRET_KEY_PREVIOUS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return list.map((b64) => {
    const key = Buffer.from(b64, 'base64');
    if (key.length < 32) throw new ConfigError('SECRET_KEY_PREVIOUS', 'each key must be base64 of at least 32 bytes');
    return key;
  });
}
