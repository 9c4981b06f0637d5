// Enforces ARCHITECTURE.md's part boundaries: which part may import which, and only through index.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ALLOWED = {
  core: [],
  config: [],
  store: ['core', 'config'],
  detect: ['core'],
  query: ['core', 'store'],
  ingest: ['core', 'store', 'detect'],
  proxy: ['core', 'config', 'detect', 'ingest', 'app'],
  app: ['core', 'config', 'store', 'detect', 'ingest', 'query'],
  api: ['core', 'config', 'app', 'ingest', 'detect', 'proxy', 'mcp'],
  mcp: ['core', 'app'],
  cli: ['core', 'config', 'app', 'api', 'mcp', 'proxy', 'detect', 'ingest', 'store'],
  web: [],
};

const root = resolve('src');
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) check(path);
  }
}

function check(file) {
  const part = relative(root, file).split('/')[0];
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const target = resolve(dirname(file), match[1]);
    const rel = relative(root, target);
    if (rel.startsWith('..')) continue;
    const targetPart = rel.split('/')[0];
    if (targetPart === part) continue;
    if (!(ALLOWED[part] ?? []).includes(targetPart)) {
      problems.push(`${relative('.', file)}: part "${part}" may not import "${targetPart}"`);
    } else if (rel !== `${targetPart}/index.js`) {
      problems.push(`${relative('.', file)}: import "${targetPart}" through its index.ts, not ${match[1]}`);
    }
  }
}

walk(root);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers ok');
