// Translation time of KQL to SQL after the parser is loaded: new query texts (parse + analyse +
// translate) against the same texts again (analysis cached, translate only) as the in-run baseline.
// Run: node --import tsx bench/kql-translate/run.ts
import { performance } from 'node:perf_hooks';
import { compileKql } from '../../src/query/index.js';

const QUERIES = [
  'McpEvents | where TimeGenerated > ago(7d) and Tool has "exec" | summarize Calls = count() by User, bin(TimeGenerated, 1h) | top N by Calls',
  'McpEvents | where TimeGenerated > ago(1d) | join kind=inner (Findings | where Severity == "high") on EventId | project TimeGenerated, User, RuleId | take N',
  'let threshold = N; McpEvents | summarize calls = count(), tools = make_set(Tool) by User | where calls > threshold',
];
const ROUNDS = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const loadStart = performance.now();
await compileKql('McpEvents | take 1', { dialect: 'sqlite', now: new Date(), maxRows: 10 });
console.log(`parser load and first query: ${(performance.now() - loadStart).toFixed(0)} ms`);

for (const dialect of ['sqlite', 'postgres'] as const) {
  const fresh: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const template of QUERIES) {
      const query = template.replace('N', String(i + 10));
      let start = performance.now();
      await compileKql(query, { dialect, now: new Date(), maxRows: 10_000 });
      fresh.push(performance.now() - start);
      start = performance.now();
      await compileKql(query, { dialect, now: new Date(), maxRows: 10_000 });
      again.push(performance.now() - start);
    }
  }
  const p50 = percentile(fresh, 50);
  const base = percentile(again, 50);
  console.log(
    `${dialect}: new text p50 ${p50.toFixed(2)} ms, p95 ${percentile(fresh, 95).toFixed(2)} ms; ` +
      `same text p50 ${base.toFixed(2)} ms (translate only); parse+analyse is ${(p50 / Math.max(base, 0.001)).toFixed(0)}x the translation`,
  );
}
