import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';

/**
 * The key that encrypts stored webhook secrets: SENTINEL_SECRET_KEY, or one generated once into
 * the data dir (mode 0600). Several PostgreSQL nodes must share it, so `warn` is told when a
 * PostgreSQL node falls back to a generated key.
 */
export function resolveSecretKey(
  config: Pick<Config, 'secretKey' | 'database' | 'dataDir'>,
  warn: (message: string) => void = () => {},
): string {
  if (config.secretKey !== null) return config.secretKey;
  if (config.database.kind === 'postgres') {
    warn(
      `SENTINEL_SECRET_KEY is not set: using a key generated in ${join(config.dataDir, 'secret.key')}. ` +
        'With more than one node, set the same SENTINEL_SECRET_KEY on every node (openssl rand -hex 32).',
    );
  }
  const path = join(config.dataDir, 'secret.key');
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(existing)) return existing;
    throw new Error(`${path} does not hold a 64-hex-character key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
}
