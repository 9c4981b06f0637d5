/**
 * The program of a hunting child process (plain JavaScript, run with `node -e`): it opens the
 * SQLite file read-only, registers the regex and split functions KQL needs, and answers one
 * query per IPC message. It is a process, not a worker thread, because better-sqlite3 cannot
 * interrupt a running statement: only killing the process truly bounds a query's time.
 */
export const SQLITE_HUNT_CHILD = `
'use strict';
const Database = require(process.env.HUNT_MODULE);
const db = new Database(process.env.HUNT_DB, { readonly: true, fileMustExist: true });
db.pragma('query_only = ON');
db.pragma('busy_timeout = 5000');
const regexes = new Map();
function regex(pattern, flags) {
  const key = flags + ':' + pattern;
  let compiled = regexes.get(key);
  if (!compiled) {
    compiled = new RegExp(pattern, flags);
    if (regexes.size > 1000) regexes.clear();
    regexes.set(key, compiled);
  }
  return compiled;
}
const opts = { deterministic: true };
db.function('kql_regex_match', opts, (text, pattern, insensitive) =>
  text === null || pattern === null ? null : regex(pattern, insensitive ? 'i' : '').test(String(text)) ? 1 : 0);
db.function('kql_regex_extract', opts, (text, pattern, group) => {
  if (text === null || pattern === null) return null;
  const match = regex(pattern, '').exec(String(text));
  const value = match ? match[Number(group) + 1] : undefined;
  return value === undefined ? null : value;
});
db.function('kql_split', opts, (text, delimiter) =>
  text === null ? null : JSON.stringify(delimiter === null || delimiter === '' ? [String(text)] : String(text).split(String(delimiter))));
process.on('message', (message) => {
  try {
    const statement = db.prepare(message.sql);
    if (!statement.reader || !statement.readonly) throw new Error('hunting queries are read-only');
    statement.raw(true);
    const rows = [];
    let truncated = false;
    for (const row of statement.iterate(...message.params)) {
      if (rows.length === message.maxRows) { truncated = true; break; }
      rows.push(row);
    }
    process.send({ id: message.id, rows, truncated });
  } catch (error) {
    process.send({ id: message.id, error: String(error && error.message || error), readOnly: /read-only|readonly/i.test(String(error && error.message)) });
  }
});
process.on('disconnect', () => process.exit(0));
`;
