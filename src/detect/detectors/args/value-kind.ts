import type { FieldRole, ScanField } from '../../detector.js';

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

/** Suffixes of compound keys (`config_file`, `base_url`, `logDir`, lowercased by the engine). */
const SUFFIXES: readonly (readonly [string, ValueKind])[] = [
  ['_path', 'path'],
  ['_file', 'path'],
  ['_dir', 'path'],
  ['filepath', 'path'],
  ['filename', 'path'],
  ['directory', 'path'],
  ['_url', 'url'],
  ['_uri', 'url'],
  ['url', 'url'],
  ['endpoint', 'url'],
  ['_host', 'host'],
  ['_command', 'shell'],
  ['_cmd', 'shell'],
  ['_sql', 'sql'],
  ['_query', 'sql'],
];

/** The kind a key names, or `other`. */
export function keyKind(key: string): ValueKind {
  const exact = EXACT.get(key.replaceAll(/[-_]/g, ''));
  if (exact) return exact;
  for (const [suffix, kind] of SUFFIXES) if (key.endsWith(suffix)) return kind;
  return 'other';
}

/**
 * The kind of a field for the argument detectors, or null when they should skip it: metadata
 * values are read only when their key says what they are, since metadata also holds free text.
 */
export function fieldKind(field: ScanField): ValueKind | null {
  if (field.role !== 'argument' && field.role !== 'metadata') return null;
  const kind = keyKind(field.key);
  if (field.role === 'metadata' && (kind === 'other' || kind === 'document')) return null;
  return kind;
}

/** The part of a value the detectors read. */
export function scanText(value: string): string {
  return value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
}

/** True when a value is one short line: a token an argument carries, not prose or a file body. */
export function isSingleLine(text: string, maxLength = 4096): boolean {
  return text.length <= maxLength && !text.includes('\n');
}
