import { basename, dirname, extname } from 'node:path';
import type { ServerType } from '../core/index.js';

/** Launchers whose first non-flag argument, not themselves, names the server. */
const LAUNCHERS = new Set([
  'npx',
  'node',
  'uvx',
  'uv',
  'python',
  'python3',
  'bunx',
  'bun',
  'deno',
  'pnpm',
  'yarn',
  'docker',
  'pipx',
  'tsx',
]);
const LAUNCHER_WORDS = new Set(['run', 'exec', 'dlx', 'x', '-m']);

/**
 * A readable registry name for a server started as `command args` when `--server` is not given:
 * `npx -y @modelcontextprotocol/server-filesystem /home` -> `server-filesystem`.
 */
export function serverNameFor(command: string, args: readonly string[]): string {
  const words = [command, ...args];
  let index = 0;
  while (index < words.length - 1 && LAUNCHERS.has(basename(words[index]!).replace(/\.(exe|cmd)$/i, ''))) {
    index++;
    while (index < words.length - 1 && (words[index]!.startsWith('-') || LAUNCHER_WORDS.has(words[index]!)))
      index++;
  }
  return nameOf(words[index] ?? command);
}

function nameOf(word: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(word);
  const raw = inModules ? inModules[1]! : word;
  const withoutVersion = raw.replace(/(?<=.)@[^/@]*$/, '');
  const scoped =
    withoutVersion.includes('/') && withoutVersion.startsWith('@') && !inModules
      ? withoutVersion.split('/').pop()!
      : withoutVersion;
  if (inModules) return scoped.split('/').pop()!.slice(0, 200);
  let name = basename(scoped, extname(scoped));
  if (name === 'index' || name === 'main' || name === 'server') name = basename(dirname(scoped)) || name;
  return (name || 'mcp-server').slice(0, 200);
}

/** A sensible registry type from the server's name; `other` when nothing fits. */
export function guessServerType(name: string): ServerType {
  const lower = name.toLowerCase();
  if (/file|(^|[-_])fs($|[-_])|disk|drive/.test(lower)) return 'filesystem';
  if (/sql|postgres|mysql|sqlite|mongo|redis|database|(^|[-_])db($|[-_])|bigquery|snowflake/.test(lower)) {
    return 'database';
  }
  if (/fetch|http|web|api|browser|github|gitlab|slack|search|puppeteer|playwright|notion|jira/.test(lower)) {
    return 'web_api';
  }
  return 'other';
}
