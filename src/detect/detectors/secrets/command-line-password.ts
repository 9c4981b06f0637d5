import type { DetectorMatch } from '../../detector.js';
import { isPassword } from './basic-auth.js';
import { dropOverlaps, findSecrets } from './find-secrets.js';

/**
 * Passwords given on a command line: to database clients and sshpass (`mysql -p'S3cr3t'`,
 * `mysqldump -uroot -pHunter2`, `sshpass -p 'pass' ssh host`, `PGPASSWORD=... psql`) and to
 * `docker login` (also podman's and nerdctl's, which take the same flags).
 * mysql reads `-p` with nothing attached as "prompt for the password" (`mysql -u root -p db`), and
 * `-p` of other programs (`mkdir -p`, `ssh -p 2222`) means something else, so only a value glued
 * to the `-p` of a MySQL/MariaDB client in the same command counts. `--password=` is read by
 * basic-auth.ts for every program. For `docker login`, `-p`, `--password` and `--password=` count;
 * `--password-stdin` reads from a pipe, so a value starting `-` is never a password, and
 * `docker run -p 8080:80` publishes a port.
 */

/** The client name, then the rest of its command (up to a pipe, a `;`, `&&` or a line break). */
const MYSQL_PASSWORD =
  /(?:^|[\s/;&|(`"'])(?:mysql(?:dump|admin|import|check|show|pump)?|mariadb(?:-dump|-admin|-import|-check)?)(?=\s)[^\n;&|<>]{0,200}?\s-p["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;
const SSHPASS_PASSWORD =
  /(?:^|[\s/;&|(`"'])sshpass(?:\s+-v)?\s+-p\s*["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;
const DOCKER_LOGIN_PASSWORD =
  /(?:^|[\s/;&|(`"'])(?:docker|podman|nerdctl) login(?=\s)[^\n;&|<>]{0,200}?\s(?:-p|--password)(?:[\s=]+|(?=[^\s-]))["']?([^\s"';&|-][^\s"';&|]{2,127})(?=["']?(?:\s|$|[;&|)]))/g;
/** Environment variables the PostgreSQL and MySQL clients read their password from. */
const ENV_PASSWORD = /\b(?:PGPASSWORD|MYSQL_PWD)=["']?([^\s"';&|]{3,128})(?=["']?(?:\s|$|[;&|)]))/g;

/** Literals every match holds, for the engine's prefilter. */
export const COMMAND_LINE_PASSWORD_TRIGGERS: readonly string[] = [
  'mysql',
  'mariadb',
  'sshpass',
  'PGPASSWORD',
  'MYSQL_PWD',
  'docker login',
  'podman login',
  'nerdctl login',
];

export function findCommandLinePasswords(text: string): DetectorMatch[] {
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
  if (/(?:docker|podman|nerdctl) login/.test(text)) {
    matches.push(
      ...findSecrets(text, DOCKER_LOGIN_PASSWORD, 'password on a docker login command line', isPassword),
    );
  }
  return dropOverlaps(matches);
}
