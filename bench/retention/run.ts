/**
 * Retention and events-with-findings benchmark (issue 7):
 *   node --import tsx bench/retention/run.ts [--events 200000] [--runs 15] [--backends sqlite,postgres]
 * Loads the hunt benchmark's generated events (30 days, 1% with a finding) through the store, then
 * per backend times, against a baseline measured in the same run:
 *   - a page of 50 events plus its finding summaries vs the page alone;
 *   - a "with findings only" page (EXISTS) vs the plain page;
 *   - the retention run (batches of 2,000, oldest first) over 10 days vs one unbatched purge of the
 *     following 10 days (`store.dataSubjects.purge({from, to})`, the admin purge).
 * Prints figures and ratios; no thresholds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { RetentionService } from '../../src/app/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { eventGenerator } from '../hunt/events.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '15' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    'pg-url': {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const EVENTS = Number(values.events);
const RUNS = Math.max(1, Number(values.runs));
const END = new Date('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;

async function open(backend: string): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-retention-'));
    const store = await openStore({
      database: { kind: 'sqlite', path: join(dir, 'sentinel.db') },
      pgPoolSize: 1,
      sqliteSynchronous: 'normal',
    });
    return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = values['pg-url'];
  const schema = `bench_retention_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await openStore({
    database: {
      kind: 'postgres',
      url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
    pgPoolSize: 4,
    sqliteSynchronous: 'normal',
  });
  return {
    store,
    cleanup: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

for (const backend of values.backends.split(',')) {
  const { store, cleanup } = await open(backend);
  try {
    const generator = eventGenerator(EVENTS, END);
    const loadStart = performance.now();
    for (let loaded = 0; loaded < EVENTS; loaded += 10_000) {
      await store.events.commitDetected(generator.batch(10_000), {
        alertWindowMs: 3_600_000,
        now: END.toISOString(),
      });
    }
    console.log(`\n${backend}: ${EVENTS} events loaded in ${ms(performance.now() - loadStart)}`);

    const page = await store.events.list({}, { limit: 50 });
    const ids = page.items.map((event) => event.id);
    const plain = await median(() => store.events.list({}, { limit: 50 }));
    const withSummaries = await median(async () => {
      const listed = await store.events.list({}, { limit: 50 });
      await store.events.findingSummaries(listed.items.map((event) => event.id));
    });
    const summariesOnly = await median(() => store.events.findingSummaries(ids));
    console.log(
      `page of 50: ${ms(plain)}; with finding summaries ${ms(withSummaries)} (x${(withSummaries / plain).toFixed(2)}; the summary query alone ${ms(summariesOnly)})`,
    );
    const flagged = await median(() => store.events.list({ withFindings: true }, { limit: 50 }));
    console.log(
      `"with findings only" page of 50 (1% of events flagged): ${ms(flagged)} (x${(flagged / plain).toFixed(2)} the plain page)`,
    );

    // Data spans END-30d..END. Retention at 20 days deletes the oldest 10 days in batches...
    const due = await median(() =>
      store.events.count({ to: new Date(END.getTime() - 20 * DAY).toISOString() }),
    );
    const retention = new RetentionService(store, 20, () => END);
    let start = performance.now();
    const run = await retention.run();
    const retentionMs = performance.now() - start;
    // ...and the baseline purges the next 10 days in one transaction, as the admin purge does.
    start = performance.now();
    const purged = await store.dataSubjects.purge({
      from: new Date(END.getTime() - 20 * DAY).toISOString(),
      to: new Date(END.getTime() - 10 * DAY).toISOString(),
    });
    const purgeMs = performance.now() - start;
    const rate = (events: number, elapsed: number) => Math.round(events / (elapsed / 1000));
    console.log(`count of due events (status endpoint): ${ms(due)}`);
    console.log(
      `retention run: ${run?.events} events, ${run?.findings} findings in ${ms(retentionMs)} (${rate(run?.events ?? 0, retentionMs)} events/s, batches of 2,000)`,
    );
    console.log(
      `baseline one-transaction purge: ${purged.events} events, ${purged.findings} findings in ${ms(purgeMs)} (${rate(purged.events, purgeMs)} events/s); batched/unbatched time per event x${(retentionMs / (run?.events ?? 1) / (purgeMs / purged.events)).toFixed(2)}`,
    );
  } finally {
    await store.close();
    await cleanup();
  }
}
