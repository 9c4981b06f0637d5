/** The benchmark's printed table, its ratios against the baseline and the PASS/FAIL lines. */
import type { Scenario } from './events.js';
import type { LoadResult } from './load.js';

export type TargetName = 'baseline' | 'sqlite' | 'postgres';

export interface ScenarioRun {
  readonly target: TargetName;
  readonly load: LoadResult;
  /** CPU cores (CPU seconds / wall second) the server process used in the measured phase. */
  readonly serverCores: number | null;
  readonly generatorCores: number;
  /** Busy cores of the whole machine (server + generator + PostgreSQL + anything else running). */
  readonly machineCores: number | null;
  /** Server CPU time per event (srv cores / events/s): the cost that holds however busy the machine is. */
  readonly serverMicrosPerEvent: number | null;
  /** Sentinel only: events counted in the database against what the 2xx answers promise. */
  readonly stored?: {
    readonly min: number;
    readonly max: number;
    readonly actual: number;
    readonly ok: boolean;
    /** What detection wrote for these events (a benign load should raise few). */
    readonly findings: number;
    readonly alerts: number;
  };
  /** Sentinel only: `GET /api/events?server=..&limit=1` returned one of this run's events. */
  readonly readBackOk?: boolean;
}

export interface Check {
  readonly name: string;
  readonly value: number;
  readonly target: number;
  readonly pass: boolean;
}

const SCENARIO_LABEL: Record<Scenario, string> = { batch: 'batched (100/req)', single: 'single (1/req)' };

const fmt = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined
    ? '-'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, column) =>
      column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
    );
  return rows.map((row) => line(row).join('  ')).join('\n');
}

export function printResults(runs: readonly ScenarioRun[]): void {
  const rows: string[][] = [
    [
      'target',
      'scenario',
      'req/s',
      'events/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'srv cores',
      'srv µs/event',
      'gen cores',
      'all cores',
      'findings/alerts',
      'stored',
    ],
  ];
  for (const run of runs) {
    const { load, stored } = run;
    rows.push([
      run.target,
      SCENARIO_LABEL[load.scenario],
      fmt(load.requestsPerSec),
      fmt(load.eventsPerSec),
      fmt(load.latencyMs.p50, 2),
      fmt(load.latencyMs.p99, 2),
      fmt(load.latencyMs.max, 1),
      fmt(load.non2xx + load.errors),
      fmt(run.serverCores, 2),
      fmt(run.serverMicrosPerEvent, 1),
      fmt(run.generatorCores, 2),
      fmt(run.machineCores, 2),
      stored === undefined ? '-' : `${fmt(stored.findings)}/${fmt(stored.alerts)}`,
      stored === undefined ? '-' : `${stored.ok && run.readBackOk ? 'ok' : 'MISMATCH'} ${fmt(stored.actual)}`,
    ]);
  }
  console.log(`\n${table(rows)}\n`);
  for (const run of runs) {
    const { load } = run;
    if (load.non2xx + load.warmupNon2xx + load.errors + load.timeouts > 0)
      console.log(
        `WARNING ${run.target}/${load.scenario}: ${load.non2xx + load.warmupNon2xx} non-2xx answers, ${load.errors} errors, ${load.timeouts} timeouts`,
      );
    if (run.stored !== undefined && !run.stored.ok)
      console.log(
        `WARNING ${run.target}/${load.scenario}: ${run.stored.actual} events stored, expected ${run.stored.min}..${run.stored.max}`,
      );
    if (run.readBackOk === false)
      console.log(`WARNING ${run.target}/${load.scenario}: GET /api/events did not return the events`);
  }
}

export interface Ratio {
  readonly target: TargetName;
  readonly scenario: Scenario;
  readonly eventsPerSec: number;
  readonly p50: number;
  readonly p99: number;
}

/** Sentinel / baseline for each backend and scenario: throughput (lower is slower) and latency (higher is slower). */
export function ratios(runs: readonly ScenarioRun[]): Ratio[] {
  const out: Ratio[] = [];
  for (const run of runs) {
    const base = runs.find((r) => r.target === 'baseline' && r.load.scenario === run.load.scenario);
    if (run.target === 'baseline' || base === undefined) continue;
    out.push({
      target: run.target,
      scenario: run.load.scenario,
      eventsPerSec: run.load.eventsPerSec / base.load.eventsPerSec,
      p50: run.load.latencyMs.p50 / base.load.latencyMs.p50,
      p99: run.load.latencyMs.p99 / base.load.latencyMs.p99,
    });
  }
  console.log('Sentinel / baseline (same generator, same machine):');
  for (const r of out)
    console.log(
      `  ${r.target.padEnd(8)} ${SCENARIO_LABEL[r.scenario].padEnd(17)}  throughput ${fmt(r.eventsPerSec, r.eventsPerSec < 0.1 ? 4 : 2)}x (1/${fmt(1 / r.eventsPerSec)})   p50 ${fmt(r.p50, 1)}x   p99 ${fmt(r.p99, 1)}x`,
    );
  return out;
}

/** The targets, on SQLite: >= 20,000 events/s batched and >= 3,000 requests/s single. */
export function checkTargets(runs: readonly ScenarioRun[]): Check[] {
  const find = (scenario: Scenario) =>
    runs.find((r) => r.target === 'sqlite' && r.load.scenario === scenario);
  const batch = find('batch');
  const single = find('single');
  const checks: Check[] = [];
  if (batch) checks.push(check('sqlite batched events/s', batch.load.eventsPerSec, 20_000));
  if (single) checks.push(check('sqlite single requests/s', single.load.requestsPerSec, 3_000));
  console.log('\nTargets:');
  if (checks.length === 0) console.log('  (SQLite not run: no targets checked)');
  for (const c of checks)
    console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${fmt(c.value)} (target >= ${fmt(c.target)})`);
  return checks;
}

function check(name: string, value: number, target: number): Check {
  return { name, value, target, pass: value >= target };
}
