import type pg from 'pg';
import { ForbiddenError, HuntTimeoutError, ValidationError } from '../../core/index.js';
import type { HuntingRunner, HuntRunOptions, HuntRunResult } from '../hunt-runner.js';

/** PostgreSQL error codes: query_canceled (statement_timeout) and read_only_sql_transaction. */
const QUERY_CANCELED = '57014';
const READ_ONLY_TRANSACTION = '25006';

/**
 * Each hunt runs in its own `BEGIN READ ONLY` transaction with `statement_timeout` set locally,
 * so the server itself refuses writes and cancels a long query; the transaction is always rolled back.
 */
export function createPostgresHuntRunner(pool: pg.Pool): HuntingRunner {
  return {
    dialect: 'postgres',
    run: async (sql, params, options) => {
      // Compiled hunts are one statement and never contain ';'. Refusing it keeps a raw caller from
      // ending the read-only transaction (`...; COMMIT; DELETE ...`) in the simple query protocol.
      if (sql.includes(';')) throw new ForbiddenError('hunting runs exactly one read-only statement');
      const client = await pool.connect();
      try {
        await client.query('BEGIN READ ONLY');
        await client.query("SELECT set_config('statement_timeout', $1, true)", [
          String(Math.max(1, Math.round(options.timeoutMs))),
        ]);
        const result = await client.query({ text: sql, values: params as unknown[], rowMode: 'array' });
        return limitRows(result.rows as unknown[][], options);
      } catch (error) {
        throw translateError(error, options);
      } finally {
        await client.query('ROLLBACK').catch(() => {});
        client.release();
      }
    },
    close: async () => {},
  };
}

function limitRows(rows: unknown[][], options: HuntRunOptions): HuntRunResult {
  const truncated = rows.length > options.maxRows;
  return { rows: truncated ? rows.slice(0, options.maxRows) : rows, truncated };
}

function translateError(error: unknown, options: HuntRunOptions): Error {
  const code = (error as { code?: string }).code;
  if (code === QUERY_CANCELED) return new HuntTimeoutError(options.timeoutMs);
  if (code === READ_ONLY_TRANSACTION) return new ForbiddenError('hunting queries are read-only');
  const message = error instanceof Error ? error.message : String(error);
  // PostgreSQL's messages name the failing value or function, never hosts or paths.
  return new ValidationError(`the query failed in the database: ${message.slice(0, 300)}`);
}
