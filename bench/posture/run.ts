/**
 * Posture benchmark: how long `GET /api/posture?days=N` takes over a store with many events, and
 * the same rating trend computed the naive way (every day's 7-day window counted from scratch,
 * the baseline), in the same run on the same data.
 *
 *   node --import tsx bench/posture/run.ts [--events 300000] [--days 90] [--backend sqlite|postgres|both]
 *
 * Prints the figures and the ratio; checks that both ways give the same ratings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostureService, ratingWindow } from '../../src/app/posture.js';
import { rateSecurity } from '../../src/app/security-rating.js';
import { type Finding, type McpEvent, newId, SEVERITIES } from '../../src/core/index.js';
import { type DetectedEvent, openStore, type Store } from '../../src/store/index.js';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-11-10T12:00:00Z');
const PG_URL = process.env['SENTINEL_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

function event(i: number, total: number, spanDays: number): McpEvent {
  const ts = new Date(NOW - Math.floor((i / total) * spanDays * DAY_MS)).toISOString();
  return {
    id: newId(),
    serverId: `server-${i % 5}`,
    timestamp: ts,
    receivedAt: ts,
    source: 'upload',
    externalId: null,
    sessionId: null,
    user: `user${i % 50}@example.com`,
    agent: 'claude',
    client: null,
    tool: `tool_${i % 20}`,
    method: 'tools/call',
    prompt: null,
    response: 'ok',
    arguments: { path: `/srv/file-${i % 1000}` },
    metadata: {},
    toolDescription: null,
    isError: false,
    durationMs: 3,
  };
}

function finding(i: number): Finding {
  const severity = SEVERITIES[i % SEVERITIES.length] ?? 'low';
  return {
    ruleId: `BENCH-${i % 8}`,
    title: 'bench',
    severity,
    category: 'custom',
    action: i % 11 === 0 ? 'block' : 'alert',
    field: 'response',
    start: 0,
    end: 2,
    evidence: 'ok',
    fingerprint: null,
    detail: null,
    mappings: { atlas: ['AML.T0051'], owasp: ['LLM01'] },
  };
}

async function seed(store: Store, total: number, spanDays: number): Promise<void> {
  const batchSize = 5000;
  for (let start = 0; start < total; start += batchSize) {
    const batch: DetectedEvent[] = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      // 3% of events carry a finding.
      batch.push({
        event: { event: event(i, total, spanDays), dedupeKey: null },
        findings: i % 33 === 0 ? [finding(i)] : [],
      });
    }
    await store.events.commitDetected(batch, {
      alertWindowMs: 3_600_000,
      now: batch[0]?.event.event.timestamp ?? '',
    });
  }
}

/** The baseline: each day's rating counted from scratch over its own 7-day window. */
async function naiveTrend(store: Store, days: number): Promise<number[]> {
  const first = NOW - (NOW % DAY_MS) - (days - 1) * DAY_MS;
  return Promise.all(
    Array.from({ length: days }, async (_, i) => {
      const at = Math.min(first + i * DAY_MS + DAY_MS - 1, NOW);
      return rateSecurity(await store.posture.ratingInputs(ratingWindow(at))).score;
    }),
  );
}

async function time<T>(work: () => Promise<T>, runs = 3): Promise<{ ms: number; result: T }> {
  let result = await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, result };
}

async function open(backend: 'sqlite' | 'postgres'): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-bench-posture-'));
    const store = await openStore({
      database: { kind: 'sqlite', path: join(dir, 'sentinel.db') },
      pgPoolSize: 1,
      sqliteSynchronous: 'normal',
    });
    return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_posture_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = await openStore({
    database: { kind: 'postgres', url },
    pgPoolSize: 4,
    sqliteSynchronous: 'normal',
  });
  return {
    store,
    cleanup: async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '300000' },
      days: { type: 'string', default: '90' },
      backend: { type: 'string', default: 'sqlite' },
    },
  });
  const total = Number(values.events);
  const days = Number(values.days);
  const backends =
    values.backend === 'both' ? (['sqlite', 'postgres'] as const) : [values.backend as 'sqlite' | 'postgres'];
  for (const backend of backends) {
    const { store, cleanup } = await open(backend);
    try {
      const seeded = performance.now();
      await seed(store, total, days + 7);
      console.log(
        `${backend}: ${total} events over ${days + 7} days seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
      );
      const posture = new PostureService(store, () => new Date(NOW));
      const summary = await time(() => posture.summary({ days }));
      const naive = await time(() => naiveTrend(store, days));
      const same = summary.result.trend.every((point, i) => point.score === naive.result[i]);
      console.log(`  posture summary (days=${days}, whole response): ${summary.ms.toFixed(0)} ms`);
      console.log(`  baseline trend only (per-day counts):           ${naive.ms.toFixed(0)} ms`);
      console.log(
        `  ratio baseline / summary: ${(naive.ms / summary.ms).toFixed(1)}x; same ratings: ${same}`,
      );
    } finally {
      await store.close();
      await cleanup();
    }
  }
}

await main();
