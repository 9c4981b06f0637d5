/**
 * The column names of the query an event sends (`ScanContext.query`): a database tool prints its
 * result without them (`Ann Lee | 59020480002`), so the query is where a result's values are named.
 */

/** Identifiers, quoted ones with their quotes (stripped after). */
const IDENTIFIER = /"[^"]{1,64}"|`[^`]{1,64}`|\[[^\]]{1,64}\]|[a-z_][a-z0-9_]{0,63}/g;
/** Queries longer than this are scripts, not a select whose columns name a result. */
const MAX_QUERY = 4096;
const NONE: ReadonlySet<string> = new Set();

let lastQuery: string | null = null;
let lastNames: ReadonlySet<string> = NONE;

/**
 * The lowercased identifiers of a query (`select imie, "pesel" from klienci` gives imie, pesel,
 * klienci and the keywords). Remembered for the last query: the gates and detectors of one event
 * all ask about the same one.
 */
export function queryNames(query: string | null | undefined): ReadonlySet<string> {
  if (query === null || query === undefined || query.length > MAX_QUERY) return NONE;
  if (query === lastQuery) return lastNames;
  const names = new Set<string>();
  for (const name of query.toLowerCase().match(IDENTIFIER) ?? []) names.add(name.replace(/["`[\]]/g, ''));
  lastQuery = query;
  lastNames = names;
  return names;
}

/** True when one of the query's identifiers passes `test` (a field-name pattern such as an SSN key). */
export function queryNamesAny(query: string | null | undefined, test: (name: string) => boolean): boolean {
  for (const name of queryNames(query)) if (test(name)) return true;
  return false;
}
