/**
 * HTTP gateway benchmark: the latency the gateway adds to a `tools/call` round trip, against the
 * same upstream called directly in the same run (server-everything, streamable HTTP, `echo`),
 * with detection on; and calls per second through the gateway vs direct with parallel SDK clients.
 *
 * Run: `node --import tsx bench/proxy/http.ts [--calls 2000] [--clients 16] [--seconds 5]`
 * Processes: the upstream, the Sentinel node (bench/proxy/http-gateway-entry.ts, with the Node.js
 * flags of `npm start`) and this load generator each run in their own process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startCommandNodeFlags } from '../ingest/processes.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
  },
});
const CALLS = Number(values.calls);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
/** `--profile` writes the Sentinel node's V8 CPU profile to bench/proxy/profiles/ (see bench/ingest/profile-top.ts). */
const PROFILE = values.profile
  ? ['--cpu-prof', '--cpu-prof-interval=100', '--cpu-prof-dir=bench/proxy/profiles']
  : [];
const ARGS = { message: 'read the quarterly report from /srv/reports/q3.pdf and summarise it' };

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function startUpstream(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'streamableHttp'],
    { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('listening on port')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`upstream exited ${code}: ${text}`)));
  });
  child.stderr?.resume();
  return { url: `http://127.0.0.1:${port}/mcp`, child };
}

interface Gateway {
  readonly base: string;
  readonly serverId: string;
  readonly key: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
}

async function startGateway(upstreamUrl: string): Promise<Gateway> {
  const child = spawn(
    process.execPath,
    [
      ...startCommandNodeFlags(),
      ...PROFILE,
      '--import',
      'tsx',
      'bench/proxy/http-gateway-entry.ts',
      upstreamUrl,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return { ...(JSON.parse(line) as Omit<Gateway, 'child'>), child };
}

async function startBareProxy(upstreamUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/proxy/bare-proxy.ts', upstreamUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return { ...(JSON.parse(line) as { url: string }), child };
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** CPU time (user + system, all threads) a child has used, in 10 ms ticks (Linux /proc). */
function cpuTicks(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function timedCall(client: Client): Promise<number> {
  const started = performance.now();
  await client.callTool({ name: 'echo', arguments: ARGS });
  return performance.now() - started;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function throughput(clients: readonly Client[], seconds: number): Promise<number> {
  let calls = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await client.callTool({ name: 'echo', arguments: ARGS });
        calls += 1;
      }
    }),
  );
  return calls / seconds;
}

const upstream = await startUpstream();
const gateway = await startGateway(upstream.url);
const bare = await startBareProxy(upstream.url);
const gatewayUrl = `${gateway.base}/gateway/${gateway.serverId}/mcp`;
const auth = { authorization: `Bearer ${gateway.key}` };
try {
  const targets = [
    { name: 'direct', client: await connect(upstream.url), ms: [] as number[] },
    { name: 'bare proxy', client: await connect(bare.url), ms: [] as number[] },
    { name: 'gateway', client: await connect(gatewayUrl, auth), ms: [] as number[] },
  ];
  for (let i = 0; i < 200; i++) for (const target of targets) await timedCall(target.client);
  // Interleaved so all three see the same machine state (GC, CPU frequency, other load).
  const cpu0 = [gateway.child, bare.child].map(cpuTicks);
  for (let i = 0; i < CALLS; i++)
    for (const target of targets) target.ms.push(await timedCall(target.client));
  const cpu1 = [gateway.child, bare.child].map(cpuTicks);
  const cpuPerCall = (i: number) => (((cpu1[i]! - cpu0[i]!) * 10) / CALLS).toFixed(2);
  const [direct, bareProxy, through] = targets.map((target) => target.ms.sort((a, b) => a - b)) as [
    number[],
    number[],
    number[],
  ];
  const p = (sorted: number[], q: number) => percentile(sorted, q).toFixed(3);
  const added = (sorted: number[], q: number) => (percentile(sorted, q) - percentile(direct, q)).toFixed(3);
  console.log(
    `tools/call round trip (echo), ${CALLS} sequential calls each, interleaved; detection on (built-in rules)`,
  );
  console.log('target       p50 ms   p99 ms   added p50   added p99');
  for (const [name, sorted] of [
    ['direct', direct],
    ['bare proxy', bareProxy],
    ['gateway', through],
  ] as const) {
    console.log(
      `${name.padEnd(12)} ${p(sorted, 50).padStart(6)}   ${p(sorted, 99).padStart(6)}   ${added(sorted, 50).padStart(9)}   ${added(sorted, 99).padStart(9)}`,
    );
  }
  console.log(
    `gateway beyond the bare hop: p50 ${(percentile(through, 50) - percentile(bareProxy, 50)).toFixed(3)} ms, p99 ${(percentile(through, 99) - percentile(bareProxy, 99)).toFixed(3)} ms`,
  );
  // Work done after the answer (recording the event) is not in the latency but is in this.
  console.log(`CPU per call, all threads: gateway ${cpuPerCall(0)} ms, bare proxy ${cpuPerCall(1)} ms`);
  await Promise.all(targets.map((target) => target.client.close()));

  const directClients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(upstream.url)));
  const gatewayClients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(gatewayUrl, auth)));
  const directRate = await throughput(directClients, SECONDS);
  const gatewayRate = await throughput(gatewayClients, SECONDS);
  console.log(`\nthroughput, ${CLIENTS} SDK clients in parallel for ${SECONDS} s each`);
  console.log(`direct     ${directRate.toFixed(0)} calls/s`);
  console.log(
    `gateway    ${gatewayRate.toFixed(0)} calls/s   (${((gatewayRate / directRate) * 100).toFixed(0)}% of direct)`,
  );
  await Promise.all([...directClients, ...gatewayClients].map((client) => client.close()));
} finally {
  gateway.child.kill('SIGTERM');
  await once(gateway.child, 'exit');
  rmSync(gateway.dataDir, { recursive: true, force: true });
  bare.child.kill('SIGKILL');
  upstream.child.kill('SIGKILL');
}
