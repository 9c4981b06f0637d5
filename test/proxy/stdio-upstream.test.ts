// Issue 4 part 7: the upstream crashing or hanging gives the agent a clear error, and the proxy
// exits with the server's status. Not a store test: it runs on the default SQLite store only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { BIN, connectThroughProxy, SECRET_KEY, TEST_SERVER, tempDir } from './fixtures/proxy-client.js';

describe('stdio proxy and a failing upstream', () => {
  const dataDir = tempDir();
  const env = {
    SENTINEL_DATA_DIR: dataDir,
    SENTINEL_SECRET_KEY: SECRET_KEY,
    // Long enough for the test server to start on a loaded CI host; the hang test waits this long.
    SENTINEL_PROXY_UPSTREAM_TIMEOUT_SECONDS: '5',
  };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers the agent with an error naming the exit when the server crashes mid-call', async () => {
    const proxied = await connectThroughProxy({ server: [process.execPath, TEST_SERVER], env });
    await assert.rejects(
      proxied.client.callTool({ name: 'crash', arguments: {} }),
      /the MCP server exited \(status 3\) before answering/,
    );
    await proxied.close();
  });

  it('answers a call the server never answers with a timeout error, and keeps serving others', async () => {
    const proxied = await connectThroughProxy({ server: [process.execPath, TEST_SERVER], env });
    await assert.rejects(
      proxied.client.callTool({ name: 'hang', arguments: {} }),
      /the MCP server did not answer tools\/call within 5 s/,
    );
    const echo = await proxied.client.callTool({ name: 'echo', arguments: { text: 'still here' } });
    assert.deepEqual(echo.content, [{ type: 'text', text: 'still here' }]);
    await proxied.close();
    const store = await openStore({
      database: { kind: 'sqlite', path: join(dataDir, 'sentinel.db') },
      pgPoolSize: 1,
      sqliteSynchronous: 'normal',
    });
    try {
      const events = (await store.events.list({ method: 'tools/call' }, { limit: 50 })).items;
      const hang = events.find((event) => event.tool === 'hang');
      assert.equal(hang?.isError, true);
      assert.match(hang?.response ?? '', /did not answer/);
      const crash = events.find((event) => event.tool === 'crash');
      assert.match(crash?.response ?? '', /exited \(status 3\)/);
    } finally {
      await store.close();
    }
  });

  it('exits with the server status, passes its stderr through, and says clearly when it cannot start', async () => {
    const run = (command: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'proxy', '--', ...command], {
          env: { PATH: process.env['PATH'] ?? '', ...env },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.stdin.end();
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const exited = await run([process.execPath, '-e', 'console.error("upstream says hi"); process.exit(7)']);
    assert.equal(exited.code, 7);
    assert.match(exited.stderr, /upstream says hi/);
    const missing = await run(['/nonexistent/mcp-server-binary']);
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /cannot start "\/nonexistent\/mcp-server-binary"/);
    const usage = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [BIN, 'proxy'], { stdio: 'ignore' }).on('exit', resolve);
    });
    assert.equal(usage, 64);
  });
});
