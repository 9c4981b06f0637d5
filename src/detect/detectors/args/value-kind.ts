import type { FieldRole, ScanField } from '../../detector.js';
import { memoByField } from './field-memo.js';

/**
 * What a tool-argument value is, judged by its key. Tools name their arguments after what they
 * hold (`path`, `command`, `url`, `sql`), so the key tells a detector how to read the value;
 * `document` marks bodies (file contents, patches) that are data, not something that will run.
 */
export type ValueKind = 'shell' | 'path' | 'url' | 'host' | 'sql' | 'document' | 'other';

/** The roles the argument detectors read; `metadata` only when its key says what the value is. */
export const ARG_ROLES: readonly FieldRole[] = ['argument', 'metadata'];

/** Work per field is capped: attacks sit near the start of an argument, and a huge value must not stall the proxy. */
export const MAX_SCAN = 1024 * 1024;

/** At most this many matches per detector per field; more say nothing new. */
export const MAX_MATCHES = 20;

/** The first MAX_MATCHES of a list a detector built for its result (the list itself when short: no copy). */
export function capMatches<T>(matches: T[]): T[] {
  return matches.length > MAX_MATCHES ? matches.slice(0, MAX_MATCHES) : matches;
}

const EXACT: ReadonlyMap<string, ValueKind> = new Map([
  ...words(
    'shell',
    'command commands cmd cmdline commandline script shell shellcommand bash sh powershell exec run',
  ),
  ...words('path', 'path paths file files filename filenames filepath filepaths directory dir dirs folder'),
  ...words('path', 'dirname dirpath pathname source_path target_path destination dest src cwd workdir root'),
  ...words(
    'url',
    'url urls uri uris endpoint href link links webhook callback redirect redirecturi location',
  ),
  ...words('host', 'host hostname hosts ip ipaddress ipaddr'),
  ...words('sql', 'sql query queries statement statements stmt sqlquery rawsql'),
  ...words(
    'document',
    'content contents code sourcecode patch diff newstring oldstring newstr oldstr filetext',
  ),
  ...words('document', 'newtext oldtext body data markdown html'),
]);

function words(kind: ValueKind, list: string): [string, ValueKind][] {
  return list.split(' ').map((word) => [word.replaceAll('_', ''), kind]);
}

/** Suffixes of compound keys (`config_file`, `base_url`, `logDir`, lowercased by the engine), one group per kind. */
const SUFFIX =
  /(_path|_file|_dir|filepath|filename|directory)$|(_uri|url|endpoint)$|(_host)$|(_command|_cmd)$|(_sql|_query)$/;
const SUFFIX_KINDS: readonly ValueKind[] = ['path', 'url', 'host', 'shell', 'sql'];

/*
 * Kinds of the keys seen lately: events repeat a small set of argument names, and the suffix
 * regex is a large part of what a field costs an argument detector. A pure function of the key,
 * so the cache changes no result; cleared when full, since keys come from the sender.
 */
const KIND_CACHE = new Map<string, ValueKind>();
const KIND_CACHE_SIZE = 1024;

/** The kind a key names, or `other`. */
export function keyKind(key: string): ValueKind {
  const cached = KIND_CACHE.get(key);
  if (cached !== undefined) return cached;
  const kind = kindOfKey(key);
  if (KIND_CACHE.size >= KIND_CACHE_SIZE) KIND_CACHE.clear();
  KIND_CACHE.set(key, kind);
  return kind;
}

function kindOfKey(key: string): ValueKind {
  const exact =
    EXACT.get(key) ??
    (key.includes('_') || key.includes('-') ? EXACT.get(key.replace(/[-_]/g, '')) : undefined);
  if (exact) return exact;
  const m = SUFFIX.exec(key);
  if (!m) return 'other';
  const group = m.findIndex((part, i) => i > 0 && part !== undefined);
  return SUFFIX_KINDS[group - 1] ?? 'other';
}

/** An argument under an unnamed key longer than this is a document (a message, a page), not a payload. */
const MAX_OTHER = 4 * 1024;

/**
 * The kind of a field for the argument detectors, or null when they should skip it. Producers
 * often flatten tool arguments into metadata (`metadata.file_path`, `metadata.branch`), so a
 * metadata value is read like an argument; long free text under an unnamed key is a document.
 * Memoized for the field being scanned (field-memo.ts): every argument detector asks it first.
 */
export const fieldKind: (field: ScanField) => ValueKind | null = memoByField((field) => {
  if (field.role !== 'argument' && field.role !== 'metadata') return null;
  const kind = keyKind(field.key);
  return kind === 'other' && field.value.length > MAX_OTHER ? 'document' : kind;
});

/** The part of a value the detectors read. */
export function scanText(value: string): string {
  return value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
}

/** True when a value is one short line: a token an argument carries, not prose or a file body. */
export function isSingleLine(text: string, maxLength = 4096): boolean {
  return text.length <= maxLength && !text.includes('\n');
}

/** A set of ASCII stop characters for `endOf`, as a lookup table (far faster than a string search per character). */
export function stopSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Index of the first character at or after `from` that is in `stops`, or the limit; linear, no slicing. */
export function endOf(text: string, from: number, stops: Uint8Array, limit = text.length): number {
  const last = Math.min(limit, text.length);
  for (let i = from; i < last; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && stops[code] === 1) return i;
  }
  return last;
}

/**
 * Every character `\s` matches in a RegExp without the `u` flag (ECMA-262 WhiteSpace and
 * LineTerminator): for trigger literals of a word that a pattern wants followed or preceded by `\s`.
 */
export const REGEX_SPACES =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
