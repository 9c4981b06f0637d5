/**
 * Hunt benchmark (issue 6 part 7):
 *   node --import tsx bench/hunt/run.ts [--events 1000000] [--runs 7] [--backends sqlite,postgres]
 *        [--pg-url postgres://...]
 * Loads generated events through the store (commitDetected in big transactions, timed), then per
 * backend runs the five hunts through `app.hunt.run` (translate + execute + decode) and the
 * hand-written SQL baseline of each, and times compileKql alone. Prints a table and writes
 * bench/hunt/results.json. Exits 0 even when a target is missed: the figures are the product.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createApplication, SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { compileKql } from '../../src/query/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { eventGenerator } from './events.js';
import { HUNTS } from './hunts.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    'pg-url': {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const EVENTS = Number(values.events);
const RUNS = Math.max(1, Number(values.runs));
const BATCH = 10_000;
/** "Now" of the data set and of every hunt, so ago() windows always cover the same rows. */
const END = new Date('2026-11-20T12:00:00.000Z');
type BackendName = 'sqlite' | 'postgres';

interface Database_ {
  readonly store: Store;
  /** Runs hand-written SQL straight on the database (the baseline); returns the row count. */
  raw(sql: string, from: Date): Promise<number>;
  /**
   * SQLite only: CPU ms of one run of `sql` in this process. Wall time on a shared machine counts
   * waiting for a core; CPU time is the steadier figure of what a query costs.
   */
  cpuMs?(sql: string, params: readonly unknown[]): number;
  cleanup(): Promise<void>;
}

/** The SQL functions the hunt child registers (src/store/sqlite/sqlite-hunt-child.ts), for in-process runs. */
function registerKqlFunctions(db: Database.Database): void {
  const options = { deterministic: true };
  db.function('kql_regex_match', options, (text, pattern, insensitive) =>
    text === null || pattern === null
      ? null
      : new RegExp(String(pattern), insensitive ? 'i' : '').test(String(text))
        ? 1
        : 0,
  );
  db.function('kql_regex_extract', options, (text, pattern, group) => {
    if (text === null || pattern === null) return null;
    return new RegExp(String(pattern)).exec(String(text))?.[Number(group) + 1] ?? null;
  });
  db.function('kql_split', options, (text, delimiter) =>
    text === null ? null : JSON.stringify(String(text).split(String(delimiter ?? ''))),
  );
}

async function openDatabase(name: BackendName): Promise<Database_> {
  const config = { pgPoolSize: 4, sqliteSynchronous: 'normal' as const };
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-bench-hunt-'));
    const path = join(dir, 'sentinel.db');
    const store = await openStore({ ...config, database: { kind: 'sqlite', path } });
    let db: Database.Database | null = null;
    const connection = () => {
      if (db === null) {
        db = new Database(path, { readonly: true });
        registerKqlFunctions(db);
      }
      return db;
    };
    return {
      store,
      raw: async (sql, from) => connection().prepare(sql).all(from.getTime()).length,
      cpuMs: (sql, params) => {
        const statement = connection().prepare(sql);
        const before = process.cpuUsage();
        statement.all(...params);
        const used = process.cpuUsage(before);
        return (used.user + used.system) / 1000;
      },
      cleanup: async () => {
        db?.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_hunt_${randomBytes(6).toString('hex')}`;
  const pgUrl = values['pg-url'];
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path = ${schema}`);
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = await openStore({ ...config, database: { kind: 'postgres', url } });
  return {
    store,
    raw: async (sql, from) => {
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return (await admin.query(text, [from])).rowCount ?? 0;
    },
    cleanup: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function load(store: Store): Promise<{ seconds: number; perSecond: number }> {
  const generator = eventGenerator(EVENTS, END);
  const started = performance.now();
  let loaded = 0;
  while (loaded < EVENTS) {
    const batch = generator.batch(BATCH);
    await store.events.commitDetected(batch, { alertWindowMs: 3_600_000, now: END.toISOString() });
    loaded += batch.length;
    if (loaded % 100_000 === 0) process.stdout.write(`  loaded ${loaded.toLocaleString('en-US')}\r`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: EVENTS / seconds };
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: caches, JIT, prepared statements
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

interface HuntRow {
  backend: BackendName;
  hunt: string;
  rows: number;
  truncated: boolean;
  p50: number;
  p95: number;
  /** The hunt's own split: SQL execution and decoding, without validation and translation. */
  executeP50: number;
  baselineP50: number;
  /** SQLite only: median CPU ms of the compiled SQL and of the hand-written SQL, run in process. */
  sqlCpuMs: number | null;
  baselineCpuMs: number | null;
  ratio: number;
}

async function benchBackend(name: BackendName) {
  console.log(`\n${name}: loading ${EVENTS.toLocaleString('en-US')} events`);
  const database = await openDatabase(name);
  try {
    const loaded = await load(database.store);
    console.log(
      `${name}: loaded in ${loaded.seconds.toFixed(1)} s (${Math.round(loaded.perSecond).toLocaleString('en-US')} events/s)`,
    );
    const app = createApplication(loadConfig({ SENTINEL_LOG_LEVEL: 'silent' }), database.store, {
      secretKey: 'b'.repeat(64),
      now: () => END,
    });
    const rows: HuntRow[] = [];
    for (const hunt of HUNTS) {
      let result = { rows: 0, truncated: false };
      const executeMs: number[] = [];
      const samples = await timed(async () => {
        const outcome = await app.hunt.run(SYSTEM_PRINCIPAL, { query: hunt.kql });
        result = { rows: outcome.rows.length, truncated: outcome.statistics.truncated };
        executeMs.push(outcome.statistics.executeMs);
      });
      executeMs.shift(); // the warm-up run
      const from = new Date(END.getTime() - hunt.days * 86_400_000);
      const baseline = await timed(() => database.raw(hunt.sql[name], from));
      let sqlCpuMs: number | null = null;
      let baselineCpuMs: number | null = null;
      if (database.cpuMs) {
        const cpuMs = database.cpuMs;
        const compiled = await compileKql(hunt.kql, { dialect: name, now: END, maxRows: 10_000 });
        sqlCpuMs = percentile(
          [0, 1, 2].map(() => cpuMs(compiled.sql, compiled.params)),
          50,
        );
        baselineCpuMs = percentile(
          [0, 1, 2].map(() => cpuMs(hunt.sql[name], [from.getTime()])),
          50,
        );
      }
      const row: HuntRow = {
        backend: name,
        hunt: hunt.name,
        ...result,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        executeP50: percentile(executeMs, 50),
        sqlCpuMs,
        baselineCpuMs,
        baselineP50: percentile(baseline, 50),
        ratio: percentile(samples, 50) / percentile(baseline, 50),
      };
      console.log(
        `  ${hunt.name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, ${row.rows} rows (baseline SQL p50 ${row.baselineP50.toFixed(1)} ms)`,
      );
      rows.push(row);
    }
    return { load: loaded, hunts: rows };
  } finally {
    await database.cleanup();
  }
}

interface Translation {
  /** Wall-clock p50/p95 of one compileKql (parse, analyse, translate). */
  readonly p50: number;
  readonly p95: number;
  /** CPU per compile: on a shared machine wall time also counts waiting for a core. */
  readonly cpuPerCompile: number;
  readonly perHunt: Record<string, number>;
}

/**
 * compileKql alone, after the Kusto library is loaded. `fresh`: every query text is new (a trailing
 * comment differs), so the parser's analysis cache never answers; otherwise the same text repeats
 * (a saved query or an analytics rule run again).
 */
async function translation(fresh: boolean): Promise<Translation> {
  const perHunt: Record<string, number> = {};
  const all: number[] = [];
  const cpuMs: number[] = [];
  let unique = 0;
  for (const hunt of HUNTS) {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const compile = () => {
        unique += 1;
        const text = fresh ? `${hunt.kql}\n// ${unique}` : hunt.kql;
        return compileKql(text, { dialect, now: END, maxRows: 10_000 });
      };
      await compile();
      const samples: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < 100; i += 1) {
        const started = performance.now();
        await compile();
        samples.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000 / samples.length);
      all.push(...samples);
      perHunt[`${hunt.name} (${dialect})`] = percentile(samples, 50);
    }
  }
  const cpuPerCompile = cpuMs.reduce((sum, ms) => sum + ms, 0) / cpuMs.length;
  return { p50: percentile(all, 50), p95: percentile(all, 95), cpuPerCompile, perHunt };
}

const backends = values.backends.split(',').map((b) => b.trim()) as BackendName[];
for (const b of backends) if (b !== 'sqlite' && b !== 'postgres') throw new Error(`unknown backend ${b}`);
const translate = await translation(true);
const translateCached = await translation(false);
for (const [label, t] of [
  ['new query text', translate],
  ['repeated text (analysis cached)', translateCached],
] as const) {
  console.log(
    `translation (compileKql after load, ${label}): p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, CPU ${t.cpuPerCompile.toFixed(2)} ms per compile`,
  );
}
const results: Record<string, Awaited<ReturnType<typeof benchBackend>>> = {};
for (const name of backends) results[name] = await benchBackend(name);

console.log(
  `\n| backend | hunt | rows | p50 ms | p95 ms | of which execute p50 ms | hand-written SQL p50 ms | p50 ratio | SQLite CPU ms: hunt SQL / hand-written |`,
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const cpu = (ms: number | null) => (ms === null ? '–' : ms.toFixed(0));
for (const { hunts } of Object.values(results)) {
  for (const h of hunts) {
    console.log(
      `| ${h.backend} | ${h.hunt} | ${h.rows}${h.truncated ? ' (truncated)' : ''} | ${h.p50.toFixed(1)} | ${h.p95.toFixed(1)} | ${h.executeP50.toFixed(1)} | ${h.baselineP50.toFixed(1)} | ${h.ratio.toFixed(2)} | ${h.sqlCpuMs === null ? '–' : `${cpu(h.sqlCpuMs)} / ${cpu(h.baselineCpuMs)}`} |`,
    );
  }
}
const summarize = results['sqlite']?.hunts.find((h) => h.hunt.startsWith('summarize'));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(
  `\ntargets: translation (new query text) p50 ${translate.p50.toFixed(2)} ms wall, ${translate.cpuPerCompile.toFixed(2)} ms CPU (< 5 ms: ${verdict(translate.p50 < 5)} by wall, ${verdict(translate.cpuPerCompile < 5)} by CPU)`,
);
if (summarize) {
  console.log(
    `         summarize over ${EVENTS.toLocaleString('en-US')} events on SQLite p50 ${summarize.p50.toFixed(0)} ms wall, its SQL ${cpu(summarize.sqlCpuMs)} ms CPU (< 1000 ms: ${verdict(summarize.p50 < 1000)} by wall, ${verdict((summarize.sqlCpuMs ?? Infinity) < 1000)} by CPU)`,
  );
}
console.log(
  `         machine load average during the run: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')} on ${cpus().length} cores`,
);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ events: EVENTS, runs: RUNS, translation: translate, translationCached: translateCached, results }, null, 2)}\n`,
);
