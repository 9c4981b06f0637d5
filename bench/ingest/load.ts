/**
 * The load generator, run in its own process by run.ts:
 *   node --import tsx bench/ingest/load.ts --url URL --scenario batch|single [--api-key K]
 *        [--duration 10] [--warmup 2] [--connections 16] [--timestamps live|spread]
 * Drives autocannon over keep-alive connections, cycling through distinct bodies, and prints one
 * JSON LoadResult on stdout. Phase changes go to the parent over IPC (when there is one) so it can
 * measure the server's CPU time over the measured phase only.
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  EVENTS_PER_REQUEST,
  makeBodies,
  type Scenario,
  stamper,
  TIMESTAMPS,
  type Timestamps,
} from './events.js';

export interface LoadResult {
  readonly scenario: Scenario;
  readonly eventsPerRequest: number;
  readonly connections: number;
  readonly seconds: number;
  readonly avgBodyBytes: number;
  /** 2xx responses during warmup (not measured, but their events are stored too). */
  readonly warmup2xx: number;
  readonly warmupNon2xx: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly requestsPerSec: number;
  readonly eventsPerSec: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  };
  /** CPU seconds the generator itself used during the measured phase. */
  readonly generatorCpuSeconds: number;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    scenario: { type: 'string' },
    'api-key': { type: 'string', default: '' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    timestamps: { type: 'string', default: 'live' },
  },
});
const scenario = values.scenario;
if (values.url === undefined || (scenario !== 'batch' && scenario !== 'single')) {
  console.error('usage: load.ts --url URL --scenario batch|single [--api-key K] [--duration S]');
  process.exit(64);
}
const timestamps = values.timestamps as Timestamps;
if (!TIMESTAMPS.includes(timestamps)) {
  console.error(`--timestamps must be one of ${TIMESTAMPS.join(', ')}`);
  process.exit(64);
}
const connections = Number(values.connections);
// autocannon encodes every request once per connection when an instance starts; more distinct
// bodies than this stall the generator's first half second (and inflate max latency).
const bodies = makeBodies(scenario, scenario === 'batch' ? 16 : 200, timestamps);
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (values['api-key'] !== '') headers['x-api-key'] = values['api-key'];

/** One autocannon run; with `latencies`, records each 2xx response time in microseconds (autocannon's own histogram keeps whole ms). */
function cannon(seconds: number, latencies?: RecordableHistogram): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: values.url as string,
      method: 'POST',
      headers,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      requests: bodies.map((body) => {
        if (timestamps === 'spread') return { method: 'POST', body };
        const stamped = stamper(body);
        return { method: 'POST', setupRequest: (request) => ({ ...request, body: stamped() }) };
      }),
    };
    const instance = autocannon(options, (error: unknown, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (latencies && status >= 200 && status < 300) latencies.record(Math.max(1, Math.round(ms * 1000)));
    });
  });
}

const notify = (phase: string) => process.send?.({ phase });
const warmupSeconds = Number(values.warmup);
const warmup = warmupSeconds > 0 ? await cannon(warmupSeconds) : null;
notify('measure-start');
const cpuBefore = process.cpuUsage();
const latencies = createHistogram();
const run = await cannon(Number(values.duration), latencies);
const cpu = process.cpuUsage(cpuBefore);
notify('measure-end');

const perRequest = EVENTS_PER_REQUEST[scenario];
const ok2xx = run['2xx'];
const result: LoadResult = {
  scenario,
  eventsPerRequest: perRequest,
  connections,
  seconds: run.duration,
  avgBodyBytes: Math.round(bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / bodies.length),
  warmup2xx: warmup?.['2xx'] ?? 0,
  warmupNon2xx: warmup?.non2xx ?? 0,
  ok2xx,
  non2xx: run.non2xx,
  errors: run.errors,
  timeouts: run.timeouts,
  requestsPerSec: ok2xx / run.duration,
  eventsPerSec: (ok2xx * perRequest) / run.duration,
  latencyMs: {
    p50: latencies.percentile(50) / 1000,
    p99: latencies.percentile(99) / 1000,
    max: latencies.max / 1000,
    mean: latencies.mean / 1000,
  },
  generatorCpuSeconds: (cpu.user + cpu.system) / 1e6,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.disconnect?.();
