/**
 * How deeply an event's JSON may nest. JSON.parse accepts any depth, but serializing a value (to
 * store an event, to read a structured result) recurses and overflows the stack somewhere past a
 * few thousand levels, and the detectors read 100 levels; no MCP payload comes near this.
 */
export const MAX_EVENT_DEPTH = 100;

/** True when `value` nests objects or arrays more than `limit` levels deep (read without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = depths.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child !== 'object' || child === null) continue;
      pending.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
