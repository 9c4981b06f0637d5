/** One increment of a fixed-window counter. */
export interface RateIncrement {
  readonly key: string;
  readonly windowStart: number;
  readonly cost: number;
}

/**
 * Sums increments per counter (a statement may touch each row once), then gives each increment
 * the count as it stood right after it: totals minus what later increments of the same counter added.
 */
export async function applyIncrements(
  items: readonly RateIncrement[],
  write: (sums: ReadonlyArray<RateIncrement>) => Promise<ReadonlyMap<string, number>>,
): Promise<number[]> {
  const sums = new Map<string, RateIncrement>();
  for (const item of items) {
    const id = counterId(item);
    const sum = sums.get(id);
    sums.set(id, sum ? { ...sum, cost: sum.cost + item.cost } : item);
  }
  const totals = await write([...sums.values()]);
  const later = new Map<string, number>();
  const counts = new Array<number>(items.length);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as RateIncrement;
    const id = counterId(item);
    const after = later.get(id) ?? 0;
    counts[i] = (totals.get(id) ?? 0) - after;
    later.set(id, after + item.cost);
  }
  return counts;
}

export function counterId(item: { readonly key: string; readonly windowStart: number }): string {
  return `${item.windowStart}\u0000${item.key}`;
}
