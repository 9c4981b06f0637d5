import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/mcp-conformance.mjs', import.meta.url));

/**
 * The official MCP conformance suite against `/mcp` of a real `serve` (built CLI). It runs the
 * pinned devDependency of the suite. The scenarios that apply to Sentinel's server are
 * listed in the script; the rest need the suite's own test tools.
 */
describe('MCP conformance suite (@modelcontextprotocol/conformance) against /mcp', () => {
  it('passes every applicable server scenario', { timeout: 600_000 }, async () => {
    const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const summary = output.slice(output.indexOf('scenario results:'));
    assert.equal(code, 0, summary || output.slice(-3000));
    for (const scenario of ['server-initialize', 'ping', 'tools-list', 'prompts-list', 'resources-list']) {
      assert.match(summary, new RegExp(`PASS\\s+${scenario}`));
    }
    assert.match(summary, /PASS\s+dns-rebinding-protection/);
  });
});
