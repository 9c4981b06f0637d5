import type { McpEvent } from '../../src/core/index.js';

/** Sum of the lengths of every string value in the event (what the engine has to read). */
export function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textSize(item), 0);
  if (typeof value === 'object' && value !== null) {
    let sum = 0;
    for (const item of Object.values(value)) sum += textSize(item);
    return sum;
  }
  return 0;
}

export interface Throughput {
  /** Characters scanned, in millions (1 MB here = 1,000,000 characters). */
  readonly megabytes: number;
  readonly events: number;
  readonly passes: number;
  readonly seconds: number;
  readonly megabytesPerSecond: number;
  readonly eventsPerSecond: number;
}

/** Scans the events repeatedly until at least `targetMegabytes` of text went through, after one warm-up pass. */
export function measureThroughput(
  events: readonly McpEvent[],
  scan: (event: McpEvent) => unknown,
  targetMegabytes: number,
): Throughput {
  const passSize = events.reduce((sum, event) => sum + textSize(event), 0);
  const passes = Math.max(1, Math.ceil((targetMegabytes * 1e6) / passSize));
  for (const event of events) scan(event);
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) {
    for (const event of events) scan(event);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const megabytes = (passSize * passes) / 1e6;
  return {
    megabytes,
    events: events.length * passes,
    passes,
    seconds,
    megabytesPerSecond: megabytes / seconds,
    eventsPerSecond: (events.length * passes) / seconds,
  };
}

export interface Latency {
  readonly iterations: number;
  /** Microseconds. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Times `run` one call at a time, after a warm-up, and returns the distribution in microseconds. */
export function measureLatency(run: () => unknown, iterations: number, warmup: number): Latency {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += run() ? 1 : 0;
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    sink += run() ? 1 : 0;
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  // Keeps the result observable so the call cannot be optimized away.
  if (sink < 0) throw new Error('unreachable');
  samples.sort();
  const at = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))] ?? 0;
  return {
    iterations,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: samples[iterations - 1] ?? 0,
    mean: samples.reduce((a, b) => a + b, 0) / iterations,
  };
}
