// Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against Sentinel's
// streamable HTTP endpoint: a real `serve` (built CLI) on a temp SQLite file, reached through a
// loopback forwarder that adds the API key (the suite has no option for auth headers) and keeps
// Host and Origin as sent (the DNS-rebinding scenario depends on them).
//
//   npm run build && node scripts/mcp-conformance.mjs [--all]
//
// Without --all, only the scenarios that apply to a server of this kind run; the others need the
// suite's own test tools (test_simple_text, json_schema_2020_12_tool, sampling, elicitation, ...) or capabilities Sentinel
// does not offer (logging, completion, subscriptions). Exit 0 when every run scenario passes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A pinned devDependency, installed by `npm install`: nothing is fetched at test time.
const SUITE = fileURLToPath(
  new URL('../node_modules/@modelcontextprotocol/conformance/dist/index.js', import.meta.url),
);
export const APPLICABLE = [
  'server-initialize',
  'ping',
  'tools-list',
  'prompts-list',
  'resources-list',
  'dns-rebinding-protection',
];
const KEY = `msk_Conformance0_${'c'.repeat(40)}`;
const root = fileURLToPath(new URL('..', import.meta.url));
const hook = new URL('./node20-globsync-hook.mjs', import.meta.url).href;

const port = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address();
      probe.close(() => resolve(p));
    });
  });

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-conformance-'));
  const sentinelPort = await port();
  const serve = spawn(process.execPath, [join(root, 'bin/mcp-sentinel.js'), 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      SENTINEL_DATA_DIR: dir,
      SENTINEL_PORT: String(sentinelPort),
      SENTINEL_ADMIN_KEY: KEY,
      SENTINEL_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const forwarder = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, authorization: `Bearer ${KEY}` };
    const upstream = request(
      { host: '127.0.0.1', port: sentinelPort, path: incoming.url, method: incoming.method, headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  const forwardPort = await port();
  await new Promise((resolve) => forwarder.listen(forwardPort, '127.0.0.1', resolve));
  try {
    await ready(`http://127.0.0.1:${sentinelPort}/health`);
    const scenarios = process.argv.includes('--all') ? null : APPLICABLE;
    const results = [];
    for (const scenario of scenarios ?? [undefined]) {
      const args = [SUITE, 'server', '--url', `http://localhost:${forwardPort}/mcp`];
      if (scenario) args.push('--scenario', scenario);
      // Asynchronous on purpose: the forwarder in this process must keep answering meanwhile.
      const status = await run(process.execPath, args, registerHook());
      results.push({ scenario: scenario ?? 'all', status });
    }
    console.log('\nscenario results:');
    for (const { scenario, status } of results)
      console.log(`  ${status === 0 ? 'PASS' : 'FAIL'}  ${scenario}`);
    process.exitCode = results.every((result) => result.status === 0) ? 0 : 1;
  } finally {
    forwarder.close();
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command, args, importHook) {
  const env = { ...process.env };
  if (importHook !== '') env.NODE_OPTIONS = `--import=data:text/javascript,${encodeURIComponent(importHook)}`;
  const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
  child.stderr.on('data', (chunk) => {
    const text = chunk
      .toString()
      .split('\n')
      .filter((line) => !/npm warn/i.test(line))
      .join('\n');
    if (text.trim() !== '') process.stderr.write(`${text}\n`);
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Node 20 lacks fs.globSync, which the suite imports; Node 22+ needs no hook. */
function registerHook() {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 22 ? '' : `import{register}from'node:module';register(${JSON.stringify(hook)});`;
}

async function ready(url) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('sentinel did not start');
}

await main();
