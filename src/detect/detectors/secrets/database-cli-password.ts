import type { DetectorMatch } from '../../detector.js';
import { isPassword } from './basic-auth.js';
import { dropOverlaps, findSecrets } from './find-secrets.js';

/**
 * Passwords given to database clients and sshpass on a command line: `mysql -p'S3cr3t'`,
 * `mysqldump -uroot -pHunter2`, `sshpass -p 'pass' ssh host`, `PGPASSWORD=... psql`.
 * mysql reads `-p` with nothing attached as "prompt for the password" (`mysql -u root -p db`), and
 * `-p` of other programs (`mkdir -p`, `ssh -p 2222`) means something else, so only a value glued
 * to the `-p` of a MySQL/MariaDB client in the same command counts. `--password=` is read by
 * basic-auth.ts for every program.
 */

/** The client name, then the rest of its command (up to a pipe, a `;`, `&&` or a line break). */
const MYSQL_PASSWORD =
  /(?:^|[\s/;&|(`"'])(?:mysql(?:dump|admin|import|check|show|pump)?|mariadb(?:-dump|-admin|-import|-check)?)(?=\s)[^\n;&|<>]{0,200}?\s-p["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;
const SSHPASS_PASSWORD =
  /(?:^|[\s/;&|(`"'])sshpass(?:\s+-v)?\s+-p\s*["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;
/** Environment variables the PostgreSQL and MySQL clients read their password from. */
const ENV_PASSWORD = /\b(?:PGPASSWORD|MYSQL_PWD)=["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;

/** Literals every match holds, for the engine's prefilter. */
export const DATABASE_CLI_TRIGGERS: readonly string[] = [
  'mysql',
  'mariadb',
  'sshpass',
  'PGPASSWORD',
  'MYSQL_PWD',
];

export function findDatabaseCliPasswords(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  if (/mysql|mariadb/.test(text)) {
    matches.push(
      ...findSecrets(text, MYSQL_PASSWORD, 'password on a database client command line', isPassword),
    );
  }
  if (text.includes('sshpass')) {
    matches.push(...findSecrets(text, SSHPASS_PASSWORD, 'password given to sshpass', isPassword));
  }
  if (/PGPASSWORD|MYSQL_PWD/.test(text)) {
    matches.push(
      ...findSecrets(text, ENV_PASSWORD, 'database password in an environment variable', isPassword),
    );
  }
  return dropOverlaps(matches);
}
