import type { ChartData } from '../components/charts';
import { asText } from './format';

export interface HuntColumn {
  readonly name: string;
  readonly type: string;
}

const NUMERIC = new Set(['long', 'int', 'real', 'decimal', 'double']);

function label(value: unknown, type: string | undefined): string {
  if (type === 'datetime' && typeof value === 'string')
    return value.replace('T', ' ').replace(/:00(\.000)?Z$/, '');
  return asText(value);
}

/**
 * A query's rows as chart series: the first non-numeric column is the x axis; numeric columns
 * are series; with one extra string column (`summarize count() by bin(...), Severity`) its values
 * become the series instead.
 */
export function chartDataOf(columns: readonly HuntColumn[], rows: readonly unknown[][]): ChartData {
  const numeric = columns.flatMap((c, i) => (NUMERIC.has(c.type) ? [i] : []));
  const other = columns.flatMap((c, i) => (NUMERIC.has(c.type) ? [] : [i]));
  const x = other[0] ?? 0;
  const xType = columns[x]?.type;
  if (other.length === 2 && numeric.length >= 1) {
    const by = other[1]!;
    const value = numeric[0]!;
    const labels = [...new Set(rows.map((row) => label(row[x], xType)))];
    const names = [...new Set(rows.map((row) => asText(row[by])))];
    const table = new Map(names.map((name) => [name, labels.map(() => 0)]));
    for (const row of rows) {
      const at = labels.indexOf(label(row[x], xType));
      const series = table.get(asText(row[by]));
      if (series && at >= 0) series[at] = (series[at] ?? 0) + Number(row[value] ?? 0);
    }
    return { labels, series: names.map((name) => ({ name, values: table.get(name) ?? [] })) };
  }
  return {
    labels: rows.map((row) => label(row[x], xType)),
    series: numeric
      .filter((i) => i !== x)
      .map((i) => ({ name: columns[i]?.name ?? '', values: rows.map((row) => Number(row[i] ?? 0)) })),
  };
}
