// The stdio relay in process (runStdioProxy over in-memory streams, a real server child process):
// batches, bytes passed through untouched, junk on the server's stdout kept off the agent's.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { createEngine, loadBuiltinRules } from '../../src/detect/index.js';
import { createInterceptor, type ProxyEvent, runStdioProxy } from '../../src/proxy/index.js';
import { TEST_SERVER, tempDir } from './fixtures/proxy-client.js';

const ENGINE = createEngine(loadBuiltinRules());

/** Runs the relay on `command`, writes `lines` as the agent, and collects everything that came back. */
async function relay(command: string[], lines: string[], env: Record<string, string> = {}, settleMs = 800) {
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  errorOutput.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const events: ProxyEvent[] = [];
  const [cmd, ...args] = command as [string, ...string[]];
  const exit = runStdioProxy({
    command: cmd,
    args,
    env: { ...process.env, ...env },
    input,
    output,
    errorOutput,
    upstreamTimeoutMs: 0,
    interceptor: ({ askClient }) =>
      createInterceptor({
        server: { id: 'relay-test', name: 'relay-test' },
        engine: () => ENGINE,
        sink: { write: (event) => events.push(event), close: async () => {} },
        pins: null,
        approver: { request: async () => 'denied' },
        approvalTimeoutMs: 100,
        failMode: 'closed',
        askClient,
      }),
  });
  for (const line of lines) input.write(`${line}\n`);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  input.end();
  const code = await exit;
  return { code, out: out.split('\n').filter((line) => line !== ''), err, events };
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'relay', version: '1' } },
});
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

describe('stdio relay', () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks each message of a JSON-RPC batch on its own: the blocked one never reaches the server', async () => {
    const log = join(dir, 'batch-calls.jsonl');
    const batch = JSON.stringify([
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'fine' } } },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'read_note', arguments: { path: '/etc/shadow' } },
      },
    ]);
    const result = await relay([process.execPath, TEST_SERVER], [INIT, INITIALIZED, batch], {
      FIXTURE_CALL_LOG: log,
    });
    const replies = result.out.map(
      (line) => JSON.parse(line) as { id: number; result?: { isError?: boolean } },
    );
    assert.equal(replies.find((reply) => reply.id === 1)?.result?.isError, undefined);
    assert.equal(replies.find((reply) => reply.id === 2)?.result?.isError, true);
    const calls = readFileSync(log, 'utf8');
    assert.match(calls, /"echo"/);
    assert.doesNotMatch(calls, /read_note/);
    assert.equal(result.code, 0);
  });

  it('passes the server’s bytes through untouched and keeps non-JSON-RPC stdout off the agent’s stream', async () => {
    const script = [
      'console.log("server banner: starting");',
      'console.log(\'{"jsonrpc":"2.0",   "method":"notifications/message","params":{"level":"info","data":"spaced"}}\');',
      'setTimeout(() => process.exit(5), 200);',
    ].join('');
    const result = await relay([process.execPath, '-e', script], [], {}, 400);
    assert.deepEqual(result.out, [
      '{"jsonrpc":"2.0",   "method":"notifications/message","params":{"level":"info","data":"spaced"}}',
    ]);
    assert.match(result.err, /ignored a line from the server that is not JSON-RPC: server banner: starting/);
    assert.equal(result.code, 5);
  });

  it('answers a request the server died on with an error, and records it as an event', async () => {
    const result = await relay(
      [process.execPath, '-e', "process.stdin.once('data', () => process.exit(4))"],
      [INIT],
      {},
      300,
    );
    assert.equal(result.code, 4);
    const reply = JSON.parse(result.out[0] ?? '{}') as {
      id: number;
      error?: { code: number; message: string };
    };
    assert.equal(reply.id, 0);
    assert.equal(reply.error?.code, -32002);
    assert.match(reply.error?.message ?? '', /the MCP server exited \(status 4\) before answering/);
    assert.equal(result.events.length, 1);
    assert.equal(result.events[0]?.record.method, 'initialize');
    assert.equal(result.events[0]?.record.is_error, true);
  });
});
