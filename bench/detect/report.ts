import type { Miss, QualityReport } from './quality.js';
import type { Latency, Throughput } from './speed.js';

/** The targets from the detection brief. */
export const TARGETS = {
  recall: 0.9,
  falsePositiveRate: 0.02,
  megabytesPerSecond: 30,
  p99Micros: 1000,
} as const;

export interface BenchResults {
  readonly generatedAt: string;
  readonly node: string;
  /** `dist`: the built engine that ships; `src`: the sources through tsx. */
  readonly engineSource: 'dist' | 'src';
  readonly corpusDir: string;
  readonly rules: number;
  readonly quality: QualityReport;
  readonly throughput: Throughput;
  /** The same measurement on the ordinary (benign) lines only; informational, not judged. */
  readonly benignThroughput: Throughput;
  readonly latency: {
    readonly eventChars: number;
    readonly engine: Latency;
    readonly baseline: Latency;
    readonly baselineDescription: string;
    readonly ratioP50: number;
    readonly ratioP99: number;
  };
  readonly pass: {
    readonly recall: boolean;
    readonly falsePositiveRate: boolean;
    readonly throughput: boolean;
    readonly latency: boolean;
    readonly all: boolean;
  };
}

/** Checks each figure against TARGETS. */
export function judge(
  quality: QualityReport,
  throughput: Throughput,
  latency: Latency,
): BenchResults['pass'] {
  const recall = quality.categories.every((c) => c.recall === null || c.recall >= TARGETS.recall);
  const falsePositiveRate = quality.falsePositiveRate <= TARGETS.falsePositiveRate;
  const speed = throughput.megabytesPerSecond >= TARGETS.megabytesPerSecond;
  const p99 = latency.p99 < TARGETS.p99Micros;
  return {
    recall,
    falsePositiveRate,
    throughput: speed,
    latency: p99,
    all: recall && falsePositiveRate && speed && p99,
  };
}

const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const micros = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(1)} µs`;

/** Renders the results as the plain-text report the bench prints. */
export function formatReport(results: BenchResults, listLimit: number): string {
  const { quality, throughput, latency, pass } = results;
  const out: string[] = [];
  out.push(
    `Detection quality — ${results.corpusDir}: ${quality.attacks} attack lines, ${quality.benign} benign lines, ${results.rules} rules`,
  );
  out.push('');
  out.push(
    `${'category'.padEnd(20)}${'attacks'.padStart(8)}${'detected'.padStart(10)}${'recall'.padStart(9)}${'benign FP'.padStart(11)}${'FPR'.padStart(8)}${'precision'.padStart(11)}  recall target`,
  );
  for (const c of quality.categories) {
    const target = c.recall === null ? '' : verdict(c.recall >= TARGETS.recall);
    out.push(
      `${c.category.padEnd(20)}${String(c.attacks).padStart(8)}${String(c.detected).padStart(10)}${pct(c.recall).padStart(9)}${String(c.benignFlagged).padStart(11)}${pct(c.falsePositiveRate).padStart(8)}${pct(c.precision).padStart(11)}  ${target}`,
    );
  }
  out.push('');
  out.push(`recall >= ${pct(TARGETS.recall)} in every category: ${verdict(pass.recall)}`);
  out.push(
    `benign false-positive rate: ${pct(quality.falsePositiveRate)} (${quality.benignFlagged} of ${quality.benign}), target <= ${pct(TARGETS.falsePositiveRate)}: ${verdict(pass.falsePositiveRate)}`,
  );
  if (quality.errors.length > 0)
    out.push(`SCAN ERRORS: ${quality.errors.length} entries threw (listed below)`);
  out.push('');
  out.push(
    `Speed (engine: ${results.engineSource === 'dist' ? 'the build in dist/' : 'the sources through tsx'})`,
  );
  out.push(
    `throughput: ${throughput.megabytesPerSecond.toFixed(1)} MB/s (${throughput.megabytes.toFixed(1)} MB of text in ${throughput.seconds.toFixed(2)} s, ${throughput.passes} passes, ${Math.round(throughput.eventsPerSecond).toLocaleString('en')} events/s), target >= ${TARGETS.megabytesPerSecond} MB/s: ${verdict(pass.throughput)}`,
  );
  const benign = results.benignThroughput;
  out.push(
    `throughput on the benign lines only (ordinary traffic, not judged): ${benign.megabytesPerSecond.toFixed(1)} MB/s (${Math.round(benign.eventsPerSecond).toLocaleString('en')} events/s)`,
  );
  const e = latency.engine;
  const b = latency.baseline;
  out.push(
    `latency, one ${latency.eventChars}-char tools/call event (${e.iterations.toLocaleString('en')} runs): p50 ${micros(e.p50)}  p90 ${micros(e.p90)}  p99 ${micros(e.p99)}  max ${micros(e.max)}, target p99 < ${micros(TARGETS.p99Micros)}: ${verdict(pass.latency)}`,
  );
  out.push(
    `baseline (${latency.baselineDescription}): p50 ${micros(b.p50)}  p99 ${micros(b.p99)}  max ${micros(b.max)}; engine / baseline: p50 ${latency.ratioP50.toFixed(1)}x, p99 ${latency.ratioP99.toFixed(1)}x`,
  );
  out.push('');
  out.push(...formatList('Missed attacks', quality.missed, listLimit));
  out.push(...formatList('False positives on benign lines', quality.falsePositives, listLimit));
  if (quality.errors.length > 0) out.push(...formatList('Scan errors', quality.errors, listLimit));
  out.push(`OVERALL: ${verdict(pass.all)}`);
  return out.join('\n');
}

function formatList(title: string, items: readonly Miss[], limit: number): string[] {
  if (items.length === 0) return [`${title}: none`, ''];
  const lines = [`${title} (first ${Math.min(limit, items.length)} of ${items.length}):`];
  for (const item of items.slice(0, limit)) {
    lines.push(`  ${item.id.padEnd(14)} ${item.note.slice(0, 80)}`);
    lines.push(`  ${''.padEnd(14)} -> ${item.detail.slice(0, 160)}`);
  }
  lines.push('');
  return lines;
}
