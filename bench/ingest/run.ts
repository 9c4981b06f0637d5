/**
 * Ingest benchmark (see README.md):
 *   node --import tsx bench/ingest/run.ts [--duration 10] [--warmup 2] [--connections 16]
 *        [--backends sqlite,postgres] [--scenarios batch,single] [--pg-url postgres://...] [--profile]
 *        [--timestamps live|spread]
 * Baseline first (bare node:http answering 202), then a real Sentinel per backend; the load
 * generator always runs in its own process. Writes bench/ingest/results.json; exits 0 even when a
 * target is missed (the figures are the product).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BackendName, openBackend } from './backends.js';
import type { Scenario } from './events.js';
import type { LoadResult } from './load.js';
import {
  collectStdout,
  cpuSeconds,
  machineBusySeconds,
  REPO_ROOT,
  spawnScript,
  stopChild,
} from './processes.js';
import { checkTargets, printResults, ratios, type ScenarioRun, type TargetName } from './report.js';
import { newestEvent, registerServer, startBaseline, startSentinel, type Target } from './targets.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    scenarios: { type: 'string', default: 'batch,single' },
    timestamps: { type: 'string', default: 'live' },
    'pg-url': {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    profile: { type: 'boolean', default: false },
  },
});
const SCENARIOS = values.scenarios.split(',').map((name) => name.trim()) as Scenario[];
for (const name of SCENARIOS)
  if (name !== 'batch' && name !== 'single') throw new Error(`unknown scenario ${name}`);
const backends = values.backends.split(',').map((name) => name.trim()) as BackendName[];
for (const name of backends)
  if (name !== 'sqlite' && name !== 'postgres') throw new Error(`unknown backend ${name}`);
const connections = Number(values.connections);
const profileDir = fileURLToPath(new URL('./profiles/', import.meta.url));

/** One load-generator process against `target`; the server's CPU is sampled around the measured phase. */
async function measure(name: TargetName, target: Target, scenario: Scenario, path: string, apiKey = '') {
  const args = [
    ...['--url', target.url + path, '--scenario', scenario, '--duration', values.duration],
    ...['--timestamps', values.timestamps],
  ];
  args.push('--warmup', values.warmup, '--connections', String(connections), '--api-key', apiKey);
  const child = spawnScript('load.ts', args, { ipc: true });
  const marks: { server: number | null; machine: number | null; at: number }[] = [];
  child.on('message', () =>
    marks.push({
      server: cpuSeconds(target.child.pid),
      machine: machineBusySeconds(),
      at: performance.now(),
    }),
  );
  const load = JSON.parse((await collectStdout(child)).trim().split('\n').pop() ?? '') as LoadResult;
  const [start, end] = marks;
  const cores = (from: number | null | undefined, to: number | null | undefined) =>
    from != null && to != null && start && end ? (to - from) / ((end.at - start.at) / 1000) : null;
  const serverCores = cores(start?.server, end?.server);
  console.log(
    `  ${name}/${scenario}: ${Math.round(load.eventsPerSec).toLocaleString('en-US')} events/s, p99 ${load.latencyMs.p99} ms`,
  );
  const run: ScenarioRun = {
    target: name,
    load,
    serverCores,
    generatorCores: load.generatorCpuSeconds / load.seconds,
    machineCores: cores(start?.machine, end?.machine),
    serverMicrosPerEvent: serverCores === null ? null : (serverCores * 1e6) / load.eventsPerSec,
  };
  return run;
}

const runs: ScenarioRun[] = [];
const sentinelSettings = {
  sqliteSynchronous: process.env['SENTINEL_SQLITE_SYNCHRONOUS'] || 'full',
  pgPoolSize: Number(process.env['SENTINEL_PG_POOL_SIZE'] || 10),
  webhookRateLimit: Number(process.env['SENTINEL_WEBHOOK_RATE_LIMIT'] ?? 100_000_000),
};
console.log(
  `Ingest benchmark: ${values.duration}s measured (+${values.warmup}s warmup), ${connections} keep-alive connections, ${cpus().length} CPU cores, ${values.timestamps} event timestamps`,
);
console.log(`Sentinel settings: ${JSON.stringify(sentinelSettings)}`);

const baseline = await startBaseline();
try {
  for (const scenario of SCENARIOS) runs.push(await measure('baseline', baseline, scenario, '/webhook'));
} finally {
  await stopChild(baseline.child);
}

for (const name of backends) {
  const backend = await openBackend(name, values['pg-url']);
  try {
    const nodeArgs = values.profile
      ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `sentinel-${name}.cpuprofile`]
      : [];
    const sentinel = await startSentinel(backend, nodeArgs);
    const measured: { run: ScenarioRun; serverId: string; readBackOk: boolean }[] = [];
    try {
      for (const scenario of SCENARIOS) {
        const { id, apiKey } = await registerServer(sentinel, `bench-${scenario}`);
        const run = await measure(name, sentinel, scenario, `/api/mcp/webhook/${id}`, apiKey);
        const newest = await newestEvent(sentinel, id);
        measured.push({ run, serverId: id, readBackOk: newest?.serverId === id && newest.tool !== null });
      }
    } finally {
      await stopChild(sentinel.child); // SIGTERM drains in-flight writes before exit
    }
    for (const { run, serverId, readBackOk } of measured) {
      const { load } = run;
      // Every 2xx promises its events are committed; requests in flight when a phase stopped may
      // be stored without their answer being counted (at most one per connection per phase).
      const min = (load.warmup2xx + load.ok2xx) * load.eventsPerRequest;
      const max = min + 2 * load.connections * load.eventsPerRequest;
      const { events: actual, findings, alerts } = await backend.countRows(serverId);
      const stored = { min, max, actual, ok: actual >= min && actual <= max, findings, alerts };
      runs.push({ ...run, stored, readBackOk });
    }
  } finally {
    await backend.cleanup();
  }
}

printResults(runs);
const ratioList = ratios(runs);
const checks = checkTargets(runs);
const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version },
  source: sourceVersion(),
  settings: {
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    connections,
    timestamps: values.timestamps,
    ...sentinelSettings,
  },
  runs,
  ratios: ratioList,
  targets: checks,
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/ingest/results.json');

/** Which code was measured: the commit, and whether src/ had uncommitted changes (null outside git). */
function sourceVersion(): { commit: string; srcDirty: boolean } | null {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    return {
      commit: git('rev-parse', 'HEAD'),
      srcDirty: git('--no-optional-locks', 'status', '--porcelain', '--', 'src') !== '',
    };
  } catch {
    // Not a git checkout (e.g. a `git archive` snapshot): the caller may say which commit it is.
    const commit = process.env['BENCH_SOURCE_COMMIT'];
    return commit ? { commit, srcDirty: false } : null;
  }
}
