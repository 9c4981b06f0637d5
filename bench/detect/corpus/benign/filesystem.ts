import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';
import { CONFIG_FILES } from './config-files.js';
import { SOURCE_FILES } from './source-files.js';

/** Filesystem and repository-file traffic: reads, writes, edits, listings, searches. */

const PROJECT_FILES = [...SOURCE_FILES, ...CONFIG_FILES];

const PROJECT_ROOTS: readonly string[] = [
  '',
  '/home/dev/src/shop/',
  '/Users/tomoko/code/acme-web/',
  '/workspace/',
  'C:\\Users\\bob\\source\\repos\\acme\\',
];

function rooted(rng: Rng, path: string): string {
  const root = rng.pick(PROJECT_ROOTS);
  return root.includes('\\') ? root + path.replaceAll('/', '\\') : root + path;
}

function reads(rng: Rng): Draft[] {
  return PROJECT_FILES.map((file, i) => ({
    note: `read_file ${file.path}`,
    event: toolCall(
      rng.pick(['read_file', 'read_text_file', 'view']),
      { path: rooted(rng, file.path) },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      shapeResponse(file.content, rng.pick(RESPONSE_SHAPES)),
    ),
  }));
}

function githubReads(rng: Rng): Draft[] {
  return PROJECT_FILES.filter((_, i) => i % 3 === 1).map((file) => ({
    note: `get_file_contents ${file.path} from GitHub`,
    event: toolCall(
      'get_file_contents',
      { owner: 'acme', repo: rng.pick(['web', 'api', 'platform']), path: file.path, ref: 'main' },
      'arguments',
      JSON.stringify({
        type: 'file',
        encoding: 'base64',
        size: file.content.length,
        name: file.path.split('/').pop(),
        path: file.path,
        content: Buffer.from(file.content).toString('base64'),
        sha: rng.chars('0123456789abcdef', 40),
      }),
    ),
  }));
}

function writes(rng: Rng): Draft[] {
  return PROJECT_FILES.filter((_, i) => i % 3 === 2).map((file, i) => ({
    note: `write_file ${file.path}`,
    event: toolCall(
      rng.pick(['write_file', 'create_file']),
      { path: rooted(rng, file.path), content: file.content },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      `Successfully wrote to ${file.path}`,
    ),
  }));
}

const EDITS: readonly { path: string; oldText: string; newText: string }[] = [
  { path: 'src/lib/retry.ts', oldText: 'attempts = 5', newText: 'attempts = 3' },
  { path: 'README.md', oldText: '## Install', newText: '## Installation' },
  { path: 'src/server.ts', oldText: "host: '0.0.0.0'", newText: 'host: config.host' },
  { path: 'app/models/user.rb', oldText: '30.days.ago', newText: '7.days.ago' },
  { path: '.github/workflows/ci.yml', oldText: 'node: [20, 22]', newText: 'node: [20, 22, 24]' },
  { path: 'k8s/deployment.yaml', oldText: 'replicas: 3', newText: 'replicas: 4' },
  { path: 'src/db/queries.ts', oldText: 'LIMIT $2', newText: 'LIMIT $2 OFFSET $3' },
  { path: 'docker-compose.yml', oldText: 'image: postgres:17', newText: 'image: postgres:17.2' },
];

function edits(): Draft[] {
  return EDITS.map((edit, i) => ({
    note: `edit_file ${edit.path}`,
    event: toolCall(
      'edit_file',
      { path: edit.path, edits: [{ oldText: edit.oldText, newText: edit.newText }], dryRun: i % 3 === 0 },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      `\`\`\`diff\nIndex: ${edit.path}\n===================================================================\n--- ${edit.path}\toriginal\n+++ ${edit.path}\tmodified\n@@ -1,3 +1,3 @@\n-${edit.oldText}\n+${edit.newText}\n\`\`\``,
    ),
  }));
}

const DIRECTORIES: readonly { path: string; entries: string[] }[] = [
  {
    path: '.',
    entries: [
      '[DIR] .github',
      '[DIR] src',
      '[DIR] test',
      '[FILE] .gitignore',
      '[FILE] package.json',
      '[FILE] README.md',
      '[FILE] tsconfig.json',
    ],
  },
  {
    path: 'src',
    entries: [
      '[DIR] components',
      '[DIR] hooks',
      '[DIR] lib',
      '[FILE] main.tsx',
      '[FILE] App.tsx',
      '[FILE] index.css',
    ],
  },
  {
    path: '/home/dev/src/shop/app',
    entries: ['[DIR] controllers', '[DIR] models', '[DIR] views', '[DIR] jobs', '[FILE] application.rb'],
  },
  {
    path: 'migrations',
    entries: [
      '[FILE] 20260901090000_init.sql',
      '[FILE] 20261015083000_add_invoices.sql',
      '[FILE] 20261101120000_create_orders.sql',
    ],
  },
  { path: '../shared', entries: ['[FILE] ARCHITECTURE.md', '[FILE] STYLE.md', '[DIR] diagrams'] },
  {
    path: 'C:\\Users\\bob\\Documents',
    entries: ['[FILE] Q3 planning.docx', '[FILE] budget-2027.xlsx', '[DIR] Receipts', '[FILE] notes.txt'],
  },
  {
    path: '/Users/tomoko/Downloads',
    entries: [
      '[FILE] lease-agreement-2026.pdf',
      '[FILE] IMG_2041.HEIC',
      '[FILE] node-v20.19.0.pkg',
      '[DIR] slides',
    ],
  },
  {
    path: 'test/fixtures',
    entries: ['[DIR] corpus', '[FILE] small.json', '[FILE] events.jsonl', '[FILE] sample.gz'],
  },
  { path: 'cmd', entries: ['[DIR] api', '[DIR] worker', '[DIR] migrate'] },
  { path: 'infra', entries: ['[FILE] main.tf', '[FILE] variables.tf', '[FILE] outputs.tf', '[DIR] modules'] },
];

function listings(): Draft[] {
  return DIRECTORIES.map((dir, i) => ({
    note: `list_directory ${dir.path}`,
    event: toolCall(
      'list_directory',
      { path: dir.path },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      dir.entries.join('\n'),
    ),
  }));
}

function searches(rng: Rng): Draft[] {
  const patterns: readonly [string, string, string[]][] = [
    [
      'src',
      '*.test.ts',
      ['src/lib/retry.test.ts', 'src/db/queries.test.ts', 'src/components/Button.test.tsx'],
    ],
    ['.', 'docker', ['docker-compose.yml', 'Dockerfile', '.dockerignore']],
    [
      '/home/dev/src/shop',
      'invoice',
      ['/home/dev/src/shop/app/models/invoice.rb', '/home/dev/src/shop/app/views/invoices/show.html.erb'],
    ],
    ['.', 'config', ['src/config/paths.ts', 'config/default.json', 'config/test.json']],
    ['docs', '.md', ['docs/api.md', 'docs/architecture.md', 'docs/runbooks/rollback.md']],
    ['.', '*.sql', ['migrations/20261101120000_create_orders.sql', 'db/seed.sql']],
  ];
  return patterns.map(([path, pattern, results], i) => ({
    note: `search_files ${pattern}`,
    event: toolCall(
      'search_files',
      { path, pattern, excludePatterns: rng.chance(0.5) ? ['node_modules', 'dist'] : undefined },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      results.join('\n'),
    ),
  }));
}

function misc(rng: Rng): Draft[] {
  return [
    {
      note: 'get_file_info',
      event: toolCall(
        'get_file_info',
        { path: 'dist/app.js' },
        'arguments',
        'size: 482133\ncreated: Mon Nov 02 2026 09:12:44 GMT+0000\nmodified: Mon Nov 02 2026 09:12:44 GMT+0000\naccessed: Mon Nov 02 2026 09:13:01 GMT+0000\nisDirectory: false\nisFile: true\npermissions: 644',
      ),
    },
    {
      note: 'directory_tree',
      event: toolCall(
        'directory_tree',
        { path: 'src' },
        'arguments',
        JSON.stringify(
          [
            { name: 'components', type: 'directory', children: [{ name: 'Button.tsx', type: 'file' }] },
            { name: 'hooks', type: 'directory', children: [{ name: 'useDebounce.ts', type: 'file' }] },
            { name: 'main.tsx', type: 'file' },
          ],
          null,
          2,
        ),
      ),
    },
    {
      note: 'move_file rename',
      event: toolCall(
        'move_file',
        { source: 'src/utils/date.ts', destination: 'src/lib/format-date.ts' },
        'metadata-arguments',
        'Successfully moved src/utils/date.ts to src/lib/format-date.ts',
      ),
    },
    {
      note: 'create_directory nested',
      event: toolCall(
        'create_directory',
        { path: 'src/features/billing/components' },
        'arguments',
        'Successfully created directory src/features/billing/components',
      ),
    },
    {
      note: 'list_allowed_directories',
      event: toolCall(
        'list_allowed_directories',
        {},
        'arguments',
        'Allowed directories:\n/home/dev/src\n/home/dev/notes',
      ),
    },
    {
      note: 'read_multiple_files',
      event: toolCall(
        'read_multiple_files',
        { paths: ['package.json', 'tsconfig.json'] },
        'arguments',
        `package.json:\n${CONFIG_FILES.find((f) => f.path === 'package.json')!.content}\n---\ntsconfig.json:\n{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist" },\n  "include": ["src"]\n}\n`,
      ),
    },
    {
      note: 'read a log file with a tail parameter',
      event: toolCall(
        'read_file',
        { path: 'logs/app.log', tail: 5 },
        'metadata-field',
        `2026-11-02T10:00:01Z INFO  request completed method=GET path=/api/items status=200 ms=12\n2026-11-02T10:00:02Z WARN  slow query ms=812 table=orders\n2026-11-02T10:00:04Z INFO  request completed method=POST path=/api/cart status=201 ms=33\n2026-11-02T10:00:05Z ERROR payment provider timeout attempt=1 request_id=${rng.chars('0123456789abcdef', 16)}\n2026-11-02T10:00:06Z INFO  payment retried ok`,
      ),
    },
    {
      note: 'read a CSV file',
      event: toolCall(
        'read_file',
        { path: 'data/inventory.csv' },
        'arguments',
        'sku,name,stock,warehouse\nKTL-01,Electric kettle,124,BER-1\nMUG-12,Stoneware mug,890,BER-1\nTEA-55,Sencha 100g,57,HAM-2\nPAN-03,Cast iron pan,12,HAM-2',
      ),
    },
  ];
}

/** All benign filesystem drafts. */
export function filesystemTraffic(rng: Rng): Draft[] {
  return [
    ...reads(rng),
    ...githubReads(rng),
    ...writes(rng),
    ...edits(),
    ...listings(),
    ...searches(rng),
    ...misc(rng),
  ];
}
