import type { Config } from '../config/index.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Opens the configured backend: the SQLite file by default, PostgreSQL when a URL says so. */
export async function openStore(
  config: Pick<Config, 'database' | 'pgPoolSize' | 'sqliteSynchronous'>,
): Promise<Store> {
  if (config.database.kind === 'postgres') {
    return openPostgresStore({ url: config.database.url, poolSize: config.pgPoolSize });
  }
  return openSqliteStore({ path: config.database.path, synchronous: config.sqliteSynchronous });
}
