import type { Draft } from '../corpus-line.js';
import { toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/**
 * The rest of MCP traffic: other methods (initialize, resources, prompts, sampling, progress),
 * tool errors, and the flat metadata shape some gateways send (ARCHITECTURE.md's example).
 */

function methods(rng: Rng): Draft[] {
  return [
    {
      note: 'initialize handshake',
      event: {
        method: 'initialize',
        metadata: {
          params: {
            protocolVersion: '2025-06-18',
            capabilities: { roots: { listChanged: true }, sampling: {} },
            clientInfo: { name: 'claude-desktop', version: '0.12.4' },
          },
        },
        response: JSON.stringify({
          protocolVersion: '2025-06-18',
          capabilities: { tools: { listChanged: true }, resources: { subscribe: true } },
          serverInfo: { name: 'filesystem', version: '2025.8.21' },
        }),
      },
    },
    { note: 'ping', event: { method: 'ping', response: '{}' } },
    {
      note: 'tools/list without descriptions',
      event: {
        method: 'tools/list',
        response: JSON.stringify({ tools: [{ name: 'get_current_time' }, { name: 'convert_time' }] }),
      },
    },
    {
      note: 'resources/list',
      event: {
        method: 'resources/list',
        response: JSON.stringify({
          resources: [
            { uri: 'file:///home/dev/notes/todo.md', name: 'todo.md', mimeType: 'text/markdown' },
            {
              uri: 'postgres://localhost/app/orders/schema',
              name: 'orders schema',
              mimeType: 'application/json',
            },
          ],
        }),
      },
    },
    {
      note: 'resources/read of a markdown note',
      event: {
        method: 'resources/read',
        tool: 'resources/read',
        arguments: { uri: 'file:///home/dev/notes/todo.md' },
        response: JSON.stringify({
          contents: [
            {
              uri: 'file:///home/dev/notes/todo.md',
              mimeType: 'text/markdown',
              text: '# TODO\n\n- [x] fix flaky checkout test\n- [ ] write runbook for cert rotation\n- [ ] review saved carts PR',
            },
          ],
        }),
      },
    },
    {
      note: 'resources/read of a table schema',
      event: {
        method: 'resources/read',
        arguments: { uri: 'postgres://localhost/app/orders/schema' },
        response: JSON.stringify({
          contents: [
            {
              uri: 'postgres://localhost/app/orders/schema',
              mimeType: 'application/json',
              text: JSON.stringify([
                { column_name: 'id', data_type: 'bigint' },
                { column_name: 'status', data_type: 'text' },
              ]),
            },
          ],
        }),
      },
    },
    {
      note: 'resources/read of a binary blob',
      event: {
        method: 'resources/read',
        arguments: { uri: 'file:///home/dev/notes/diagram.png' },
        response: JSON.stringify({
          contents: [
            {
              uri: 'file:///home/dev/notes/diagram.png',
              mimeType: 'image/png',
              blob: Buffer.from(rng.chars('abcdefghijklmnop', 600)).toString('base64'),
            },
          ],
        }),
      },
    },
    {
      note: 'prompts/list',
      event: {
        method: 'prompts/list',
        response: JSON.stringify({
          prompts: [
            {
              name: 'code_review',
              description: 'Asks the model to review code for bugs and style',
              arguments: [{ name: 'code', required: true }],
            },
          ],
        }),
      },
    },
    {
      note: 'prompts/get code_review',
      event: {
        method: 'prompts/get',
        tool: 'code_review',
        arguments: { code: 'def add(a, b):\n    return a + b' },
        response: JSON.stringify({
          messages: [
            {
              role: 'user',
              content: {
                type: 'text',
                text: 'Please review this Python code:\ndef add(a, b):\n    return a + b',
              },
            },
          ],
        }),
      },
    },
    {
      note: 'sampling/createMessage from a server',
      event: {
        method: 'sampling/createMessage',
        metadata: {
          params: {
            messages: [
              {
                role: 'user',
                content: {
                  type: 'text',
                  text: 'Write a one-line commit message for: rename tmp to pendingItems',
                },
              },
            ],
            maxTokens: 60,
            systemPrompt: 'You write concise conventional commit messages.',
          },
        },
        response: JSON.stringify({
          role: 'assistant',
          content: { type: 'text', text: 'refactor: rename tmp to pendingItems' },
          model: 'claude-sonnet-4-5',
        }),
      },
    },
    {
      note: 'progress notification',
      event: {
        method: 'notifications/progress',
        metadata: { params: { progressToken: 'op-41', progress: 60, total: 100, message: 'Indexing files' } },
      },
    },
    {
      note: 'roots/list',
      event: {
        method: 'roots/list',
        response: JSON.stringify({ roots: [{ uri: 'file:///home/dev/src/shop', name: 'shop' }] }),
      },
    },
    {
      note: 'completion/complete for a prompt argument',
      event: {
        method: 'completion/complete',
        metadata: {
          params: {
            ref: { type: 'ref/prompt', name: 'code_review' },
            argument: { name: 'language', value: 'py' },
          },
        },
        response: '{"completion":{"values":["python","pytorch"],"hasMore":false}}',
      },
    },
    {
      note: 'logging message notification',
      event: {
        method: 'notifications/message',
        metadata: {
          params: {
            level: 'info',
            logger: 'database',
            data: { message: 'Connection pool resized', size: 10 },
          },
        },
      },
    },
  ];
}

function errors(): Draft[] {
  const cases: readonly [string, Record<string, unknown>, string][] = [
    [
      'read_file',
      { path: 'src/missing.ts' },
      "Error: ENOENT: no such file or directory, open '/home/dev/src/shop/src/missing.ts'",
    ],
    [
      'fetch',
      { url: 'https://example.com/old-page' },
      'Failed to fetch https://example.com/old-page - status code 404',
    ],
    [
      'query',
      { sql: 'SELECT * FROM orderz' },
      'error: relation "orderz" does not exist\nLINE 1: SELECT * FROM orderz\n                      ^',
    ],
    [
      'run_command',
      { command: 'npm run lint' },
      "Command failed with exit code 1:\n/home/dev/src/shop/src/cart/service.ts\n  42:7  error  'total' is assigned a value but never used  @typescript-eslint/no-unused-vars\n\n✖ 1 problem (1 error, 0 warnings)",
    ],
    [
      'create_pull_request',
      { owner: 'acme', repo: 'web', title: 'WIP', head: 'wip', base: 'main' },
      'Validation Failed: A pull request already exists for acme:wip.',
    ],
    ['slack_post_message', { channel_id: 'C999', text: 'hello' }, '{"ok":false,"error":"channel_not_found"}'],
    [
      'write_file',
      { path: '/home/dev/other-project/notes.md', content: '- follow up with Kenji' },
      'Error: Access denied - path outside allowed directories: /home/dev/other-project/notes.md not in /home/dev/src',
    ],
    ['http_get', { url: 'https://api.acme.dev/v1/reports' }, 'Error: Request timed out after 30000 ms'],
    ['get_weather', { city: 'Atlantis' }, 'City not found: Atlantis'],
    [
      'git_checkout',
      { repo_path: '/home/dev/src/shop', branch_name: 'main' },
      'error: Your local changes to the following files would be overwritten by checkout:\n\tsrc/cart/service.ts\nPlease commit your changes or stash them before you switch branches.',
    ],
  ];
  return cases.map(([tool, args, message]) => ({
    note: `tool error from ${tool}`,
    event: { ...toolCall(tool, args, 'arguments', message), is_error: true },
  }));
}

function flatMetadata(): Draft[] {
  return [
    {
      note: 'ARCHITECTURE.md webhook example',
      event: {
        tool: 'filesystem',
        prompt: 'Read the configuration file',
        response: 'File contents: {...}',
        metadata: { file_path: '/etc/config.json', operation: 'read' },
      },
    },
    {
      note: 'flat metadata read',
      event: {
        tool: 'filesystem',
        prompt: 'Open the style guide',
        response: 'File contents: # Style guide\nUse sentence case for headings.',
        metadata: { file_path: '/home/dev/docs/style-guide.md', operation: 'read', bytes: 48 },
      },
    },
    {
      note: 'flat metadata write',
      event: {
        tool: 'filesystem',
        response: 'ok',
        metadata: { file_path: 'reports/2026-10/summary.md', operation: 'write', bytes: 2210 },
      },
    },
    {
      note: 'flat metadata query',
      event: {
        tool: 'postgres',
        prompt: 'Count users',
        response: '[{"count": 18211}]',
        metadata: { query: 'SELECT count(*) FROM users', database: 'app', operation: 'query' },
      },
    },
    {
      note: 'flat metadata http',
      event: {
        tool: 'http',
        response: '200 OK',
        metadata: { url: 'https://api.stripe.com/v1/charges?limit=3', method: 'GET', status: 200 },
      },
    },
    {
      note: 'flat metadata shell',
      event: {
        tool: 'terminal',
        response: 'v20.19.0',
        metadata: { command: 'node -v', exit_code: 0, cwd: '/home/dev' },
      },
    },
  ];
}

/** All benign protocol-level drafts. */
export function protocolTraffic(rng: Rng): Draft[] {
  return [...methods(rng), ...errors(), ...flatMetadata()];
}
