import { decodeCursor, encodeCursor } from '../cursor.js';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type { Page, PageRequest } from '../store.js';

/** Keyset paging newest first over (timeColumn, id): stable under concurrent inserts. */
export async function pageQuery<T>(
  driver: SqlDriver,
  query: { select: string; where: string[]; params: SqlValue[]; timeColumn: string },
  page: PageRequest,
  map: (row: Row) => T,
  position: (item: T) => { time: string; id: string },
): Promise<Page<T>> {
  const where = [...query.where];
  const params = [...query.params];
  if (page.cursor !== undefined) {
    const cursor = decodeCursor(page.cursor);
    const time = driver.dialect.time(cursor.time);
    where.push(`(${query.timeColumn} < ? OR (${query.timeColumn} = ? AND id < ?))`);
    params.push(time, time, cursor.id);
  }
  const sql = `${query.select}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${query.timeColumn} DESC, id DESC LIMIT ?`;
  const rows = await driver.all(sql, [...params, page.limit + 1]);
  const items = rows.slice(0, page.limit).map(map);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(position(last)) : null };
}

/** `column IN (?, ?, ...)` for a non-empty list. */
export function inList(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/** `column = ?` for each defined value, appended to `where`/`params`. */
export function addEquals(
  where: string[],
  params: SqlValue[],
  pairs: ReadonlyArray<readonly [string, string | undefined]>,
): void {
  for (const [column, value] of pairs) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
}

/** `column >= from` and `column < to` for the bounds given. */
export function addTimeRange(
  driver: SqlDriver,
  where: string[],
  params: SqlValue[],
  column: string,
  range: { readonly from?: string; readonly to?: string },
): void {
  if (range.from !== undefined) {
    where.push(`${column} >= ?`);
    params.push(driver.dialect.time(range.from));
  }
  if (range.to !== undefined) {
    where.push(`${column} < ?`);
    params.push(driver.dialect.time(range.to));
  }
}
