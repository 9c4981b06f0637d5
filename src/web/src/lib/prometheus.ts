/** Sums of selected series from Prometheus text format (labels folded together). */
export function metricTotals(text: string, names: readonly string[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const [, name = '', , value = ''] = match;
    if (!names.includes(name)) continue;
    const number = Number(value);
    if (Number.isFinite(number)) totals[name] = (totals[name] ?? 0) + number;
  }
  return totals;
}
