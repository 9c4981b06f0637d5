import type { DetectorMatch } from '../../detector.js';
import { findSecrets } from './find-secrets.js';
import { isPlaceholder } from './secret-value.js';

/**
 * Passwords inside URLs (`postgres://app:s3cr3t@db/prod`, `mongodb+srv://u:p@cluster`,
 * `https://user:token@git.example.com`). The password is the secret; the user and host stay
 * readable in the evidence so an analyst knows which credential leaked.
 */
const URL_CREDENTIALS = /:\/\/[^\s:/@"'<>]{0,128}:([^\s@/"'<>]{1,256})(?=@[A-Za-z0-9[])/g;
const SCHEME_BEFORE = /([A-Za-z][A-Za-z0-9+.-]{0,30})$/;
/** Passwords that are names for a password rather than one. */
const NAMED_PLACEHOLDER =
  /^(?:pass(?:word)?|passwd|pwd|secret|pw|p|x+|\*+|\[[^\]]*\]|\{[^}]*\}|:?[A-Z_]*PASS(?:WORD)?[A-Z_]*)$/i;

const DATABASE_SCHEMES = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'mongodb+srv',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'mssql',
  'sqlserver',
  'oracle',
  'cockroachdb',
  'clickhouse',
  'couchdb',
  'neo4j',
  'neo4j+s',
  'cassandra',
]);

export function findUrlCredentials(text: string): DetectorMatch[] {
  if (!text.includes('://')) return [];
  return findSecrets(
    text,
    URL_CREDENTIALS,
    (m) => `password in a ${schemeOf(text, m.index) ?? 'URL'} connection string`,
    (password, m) => {
      const user = m[0].slice(3, m[0].length - password.length - 1);
      if (password === user || NAMED_PLACEHOLDER.test(password) || isPlaceholder(password)) return false;
      // `host:8080@...` is a port, not a password.
      if (/^\d{1,5}$/.test(password) && !DATABASE_SCHEMES.has(schemeOf(text, m.index) ?? '')) return false;
      return schemeOf(text, m.index) !== null;
    },
  );
}

/** The URL scheme right before `://` at `at`, lowercased (`jdbc:postgresql` gives `postgresql`). */
function schemeOf(text: string, at: number): string | null {
  const m = SCHEME_BEFORE.exec(text.slice(Math.max(0, at - 31), at));
  if (!m) return null;
  return m[1]!.toLowerCase().replace(/^.*:/, '');
}
