import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';

/**
 * The key that encrypts stored webhook secrets. PostgreSQL nodes must share it, so there it must
 * be configured; with SQLite it is generated once into the data dir (mode 0600) when not set.
 */
export function resolveSecretKey(config: Pick<Config, 'secretKey' | 'database' | 'dataDir'>): string {
  if (config.secretKey !== null) return config.secretKey;
  if (config.database.kind === 'postgres') {
    throw new Error(
      'SENTINEL_SECRET_KEY is required with PostgreSQL (every node must share it); generate one with `openssl rand -hex 32`',
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
