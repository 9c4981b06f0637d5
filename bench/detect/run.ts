/**
 * Detection benchmark: recall, false positives and precision per category on the labelled corpus,
 * then throughput and per-event latency of the engine with the built-in rules.
 *
 *   node --import tsx bench/detect/run.ts [--corpus <dir>] [--mb <megabytes>] [--list <n>]
 *                                         [--engine dist|src]
 *
 * Prints a report and writes bench/detect/results.json. Exits 0 whatever the figures (PASS/FAIL
 * lines say how they compare with the targets); exits 1 only when the corpus cannot be read.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { McpEvent } from '../../src/core/index.js';
import { normalizeEvent } from '../../src/ingest/normalize-event.js';
import { readCorpus } from './corpus-file.js';
import { type EngineSource, loadDetectModuleOrExit } from './engine-source.js';
import { measureQuality, type ScannableEntry } from './quality.js';
import { type BenchResults, formatReport, judge } from './report.js';
import { measureLatency, measureThroughput, textSize } from './speed.js';
import { typicalEvent } from './typical-event.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

const LATENCY_RUNS = 20_000;
const LATENCY_WARMUP = 2_000;
const BASELINE_PATTERN = /ignore\s+(?:all\s+)?previous\s+instructions/i;

function normalize(raw: unknown, receivedAt: string): McpEvent | string {
  const result = normalizeEvent(raw, { serverId: 'bench', source: 'upload', receivedAt });
  return result.ok ? result.event : result.reason;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: join(ROOT, 'test/fixtures/corpus') },
      mb: { type: 'string', default: '50' },
      list: { type: 'string', default: '20' },
      engine: { type: 'string', default: 'dist' },
    },
  });
  const detect = await loadDetectModuleOrExit(ROOT, values.engine);
  const { createEngine, loadBuiltinRules } = detect;
  const corpusDir = values.corpus;
  const corpus = readCorpus(corpusDir);
  const receivedAt = new Date().toISOString();
  const entries: ScannableEntry[] = [];
  for (const problem of corpus.problems)
    console.error(`skipped ${problem.file}:${problem.line}: ${problem.message}`);
  for (const entry of corpus.entries) {
    const event = normalize(entry.event, receivedAt);
    if (typeof event === 'string') console.error(`skipped ${entry.id}: does not normalize: ${event}`);
    else entries.push({ entry, event });
  }
  if (entries.length === 0) {
    console.error(`no usable corpus lines in ${corpusDir}`);
    process.exit(1);
  }

  const rules = loadBuiltinRules();
  const engine = createEngine(rules);
  const quality = measureQuality(entries, engine.scan);
  const throughput = measureThroughput(
    entries.map((e) => e.event),
    engine.scan,
    Number(values.mb),
  );
  // Production traffic is mostly ordinary; the corpus is half attacks, which take the slow paths.
  const benignThroughput = measureThroughput(
    entries.filter((e) => e.entry.label === 'benign').map((e) => e.event),
    engine.scan,
    Number(values.mb),
  );

  const typical = normalize(typicalEvent(), receivedAt);
  if (typeof typical === 'string') throw new Error(`typical event does not normalize: ${typical}`);
  const engineLatency = measureLatency(
    () => engine.scan(typical).findings.length,
    LATENCY_RUNS,
    LATENCY_WARMUP,
  );
  const baseline = measureLatency(
    () => BASELINE_PATTERN.test(JSON.stringify(typical)),
    LATENCY_RUNS,
    LATENCY_WARMUP,
  );

  const results: BenchResults = {
    generatedAt: receivedAt,
    node: process.version,
    engineSource: values.engine as EngineSource,
    corpusDir: relative(ROOT, corpusDir) || '.',
    rules: rules.length,
    quality,
    throughput,
    benignThroughput,
    latency: {
      eventChars: textSize(typical),
      engine: engineLatency,
      baseline,
      baselineDescription: 'JSON.stringify of the event + one case-insensitive regex test',
      ratioP50: engineLatency.p50 / baseline.p50,
      ratioP99: engineLatency.p99 / baseline.p99,
    },
    pass: judge(quality, throughput, engineLatency),
  };
  console.log(formatReport(results, Number(values.list)));
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${relative(process.cwd(), join(HERE, 'results.json'))}`);
}

await main();
