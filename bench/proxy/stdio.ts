/**
 * stdio proxy benchmark: the latency `mcp-sentinel proxy` adds to a `tools/call` round trip,
 * against the same server (server-everything over stdio, `echo`) called directly in the same run,
 * detection on and events stored in a fresh SQLite store. Calls alternate direct/proxied so both
 * see the same machine load.
 *
 * Run: `npm run build && node --import tsx bench/proxy/stdio.ts [--calls 3000] [--warmup 300]`
 * Targets (issue 4): added p50 < 1 ms, added p99 < 3 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '300' },
  },
});
const CALLS = Number(values.calls);
const WARMUP = Number(values.warmup);
const SERVER = ['node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'];
const ARGS = { message: 'read the quarterly report from /srv/reports/q3.pdf and summarise it' };

/** Direct (null), or through the proxy with these proxy arguments. */
async function connect(proxyArgs: readonly string[] | null, dataDir: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: proxyArgs
      ? ['bin/mcp-sentinel.js', 'proxy', ...proxyArgs, '--', process.execPath, ...SERVER]
      : SERVER,
    env: { SENTINEL_DATA_DIR: dataDir, SENTINEL_SQLITE_SYNCHRONOUS: 'normal' },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

async function timedCall(client: Client): Promise<number> {
  const start = performance.now();
  await client.callTool({ name: 'echo', arguments: ARGS });
  return performance.now() - start;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(samples: number[]): { p50: number; p90: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), mean };
}

/** A stand-in remote Sentinel that accepts every webhook batch at once (isolates the relay). */
async function acceptingWebhook(): Promise<{ url: string; close(): void; events: () => number }> {
  let events = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      events += body.split('\n').filter((line) => line !== '').length;
      response.writeHead(202).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close(), events: () => events };
}

async function main(): Promise<void> {
  await measure('events to the local SQLite store', ['--server', 'bench-everything']);
  const webhook = await acceptingWebhook();
  const serverId = '01900000-0000-7000-8000-000000000000';
  await measure('events to a remote webhook', [
    '--server',
    serverId,
    '--sentinel-url',
    webhook.url,
    '--sentinel-key',
    'mss_bench',
  ]);
  console.log(`  (the stand-in webhook received ${webhook.events()} events)`);
  webhook.close();
}

async function measure(label: string, proxyArgs: readonly string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-bench-proxy-'));
  const direct = await connect(null, dataDir);
  const proxied = await connect(proxyArgs, dataDir);
  try {
    for (let i = 0; i < WARMUP; i++) {
      await timedCall(direct);
      await timedCall(proxied);
    }
    const times = { direct: [] as number[], proxied: [] as number[] };
    for (let i = 0; i < CALLS; i++) {
      // Alternate which goes first so neither always runs right after the other's wake-up.
      if (i % 2 === 0) {
        times.direct.push(await timedCall(direct));
        times.proxied.push(await timedCall(proxied));
      } else {
        times.proxied.push(await timedCall(proxied));
        times.direct.push(await timedCall(direct));
      }
    }
    const d = summary(times.direct);
    const p = summary(times.proxied);
    const ms = (value: number) => `${value.toFixed(3)} ms`;
    const added = { p50: p.p50 - d.p50, p99: p.p99 - d.p99 };
    console.log(
      `stdio proxy latency, ${label}: tools/call echo on server-everything, ${CALLS} calls each (after ${WARMUP} warm-up)`,
    );
    console.log(`  direct   p50 ${ms(d.p50)}  p90 ${ms(d.p90)}  p99 ${ms(d.p99)}  mean ${ms(d.mean)}`);
    console.log(`  proxied  p50 ${ms(p.p50)}  p90 ${ms(p.p90)}  p99 ${ms(p.p99)}  mean ${ms(p.mean)}`);
    console.log(
      `  added    p50 ${ms(added.p50)} (target < 1 ms: ${added.p50 < 1 ? 'PASS' : 'FAIL'})  p99 ${ms(added.p99)} (target < 3 ms: ${added.p99 < 3 ? 'PASS' : 'FAIL'})`,
    );
    console.log(`  ratio    p50 ${(p.p50 / d.p50).toFixed(2)}x  p99 ${(p.p99 / d.p99).toFixed(2)}x`);
  } finally {
    await direct.close();
    await proxied.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
