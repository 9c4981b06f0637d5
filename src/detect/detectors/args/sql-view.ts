import type { DetectorMatch, ScanField } from '../../detector.js';
import { memoByField } from './field-memo.js';
import { decodeMapped, identityMapped, type MappedText, toOriginal } from './percent-decode.js';
import { isPunct, isWord } from './sql-statements.js';
import { type SqlToken, tokenizeSql } from './sql-tokenizer.js';
import { capMatches, fieldKind, isSingleLine, type ValueKind } from './value-kind.js';

/**
 * How a value is read as SQL. A `sql`/`query`/`statement` argument that starts with a statement
 * verb is a whole statement (`statement` mode). Anything else may be a fragment an application
 * pastes into its own query (`fragment` mode): attacker text usually starts inside a string
 * literal, so besides the raw text it is also read as if a quote came before it, the way
 * `name = '<value>'` would see it.
 */

export type SqlMode = 'statement' | 'fragment';

/** One reading of the value: its tokens, and how many synthetic characters precede the text. */
export interface SqlVariant {
  readonly tokens: readonly SqlToken[];
  /** Code tokens (no comments), with whether a comment or the end of input follows each. */
  readonly code: readonly SqlToken[];
  readonly endsAfter: readonly boolean[];
  /** Whether a comment directly follows each code token. */
  readonly commentAfter: readonly boolean[];
  readonly prefix: number;
}

export interface SqlView {
  readonly value: string;
  readonly mapped: MappedText;
  readonly mode: SqlMode;
  readonly variants: readonly SqlVariant[];
}

/** A finding inside one variant's text, before mapping back. */
export interface LocalMatch {
  readonly start: number;
  readonly end: number;
  readonly detail: string;
}

/**
 * All of what the engine reads of a field: at 128 KB, a long string literal before `; DROP TABLE`
 * hid the stacked statement. The readers are linear (~1 µs per character of dense attack SQL).
 */
const MAX_SQL = 1024 * 1024;
/** Injected fragments are short; a longer non-SQL value is read only this far. */
const MAX_FRAGMENT = 16 * 1024;
/**
 * A document-named argument (`code`, `data`, `content`) at most this long, on one line and with a
 * quote in it, is read as a fragment by the injection rules (SqlDetectorScope).
 */
const MAX_SHORT_DOCUMENT = 160;
const QUOTE = /['"`]/;
/**
 * The escapes that make a value read decoded (space, quotes, `#`, `+`, `-`, `*`, `;`, `=`): a value
 * without one is read as written, so one of these or a literal as written must be in it.
 */
export const SQL_ESCAPES: readonly string[] = ['%20', '%22', '%23', '%27', '%2b', '%2d', '%2a', '%3b', '%3d'];
const ENCODED_SQL = new RegExp(SQL_ESCAPES.join('|'), 'i');
const STATEMENT_VERBS = new Set(
  (
    'SELECT WITH INSERT UPDATE DELETE DROP CREATE ALTER TRUNCATE GRANT REVOKE EXEC EXECUTE COPY MERGE ' +
    'REPLACE ATTACH DECLARE BEGIN SET SHOW DESCRIBE EXPLAIN CALL VALUES PRAGMA USE LOAD VACUUM ANALYZE'
  ).split(' '),
);

/** The SQL view of a field, or null when it is not a value the SQL detectors read. */
interface SqlBase {
  readonly kind: ValueKind;
  /** A short document read as a fragment: only the injection rules look at it. */
  readonly fromDocument: boolean;
  readonly value: string;
  readonly encoded: boolean;
  readonly mapped: MappedText;
  /** The tokenized view, built by the first detector whose prefilter passes. */
  view: SqlView | null;
}

/**
 * The value, its decoding and its tokens, built once per field for the ten SQL detectors
 * (field-memo.ts) instead of once per detector whose prefilter passes; each part is a pure
 * function of the field, so sharing it changes no result.
 */
const sqlBase = memoByField((field): SqlBase | null => {
  const fieldKindOf = fieldKind(field);
  if (!fieldKindOf) return null;
  // A `code` or `data` argument this short, on one line and quoting something, may be a value an
  // app pastes into its query (`x' AND SLEEP(10)-- `); a one-line SQL file written by an agent
  // (`DROP TABLE legacy;` as a migration) is not an injection, so only the injection rules read it.
  const fromDocument =
    fieldKindOf === 'document' && isSingleLine(field.value, MAX_SHORT_DOCUMENT) && QUOTE.test(field.value);
  const kind = fromDocument ? 'other' : fieldKindOf;
  if (kind === 'document') return null;
  const limit = kind === 'sql' ? MAX_SQL : MAX_FRAGMENT;
  const value = field.value.length > limit ? field.value.slice(0, limit) : field.value;
  const encoded = value.includes('%') && ENCODED_SQL.test(value);
  let mapped: MappedText = encoded ? decodeMapped(value) : identityMapped(value);
  // A query string writes spaces as `+`; one character for one keeps the offsets.
  if (encoded && kind === 'url') mapped = { ...mapped, text: mapped.text.replaceAll('+', ' ') };
  return { kind, fromDocument, value, encoded, mapped, view: null };
});

/**
 * Whether a detector reads short one-line documents (`code`, `data` arguments) as fragments:
 * the injection shapes do; destructive statements, file access and OS commands there are
 * someone's SQL file, judged only where a value is SQL by name.
 */
export type SqlDetectorScope = 'injection' | 'statement';

export function sqlView(
  field: ScanField,
  prefilter: (text: string) => boolean,
  scope: SqlDetectorScope = 'statement',
): SqlView | null {
  const base = sqlBase(field);
  if (!base || (base.fromDocument && scope !== 'injection')) return null;
  // Unencoded, the decoded text is the value itself.
  if (!prefilter(base.mapped.text)) return null;
  base.view ??= buildView(base);
  return base.view;
}

function buildView({ kind, value, mapped }: SqlBase): SqlView {
  const raw = variant(mapped.text, 0);
  if (kind === 'sql' && startsWithVerb(raw.code)) {
    return { value, mapped, mode: 'statement', variants: [raw] };
  }
  const variants = [raw];
  for (const quote of ["'", '"']) {
    if (mapped.text.includes(quote)) variants.push(variant(quote + mapped.text, 1));
  }
  return { value, mapped, mode: 'fragment', variants };
}

function variant(text: string, prefix: number): SqlVariant {
  const tokens = tokenizeSql(text);
  const code: SqlToken[] = [];
  const endsAfter: boolean[] = [];
  const commentAfter: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'comment') continue;
    const next = tokens[i + 1];
    code.push(token);
    endsAfter.push(next === undefined || next.type === 'comment');
    commentAfter.push(next?.type === 'comment');
  }
  return { tokens, code, endsAfter, commentAfter, prefix };
}

function startsWithVerb(code: readonly SqlToken[]): boolean {
  let i = 0;
  while (isPunct(code[i], '(')) i++;
  const first = code[i];
  return first?.type === 'word' && STATEMENT_VERBS.has(first.text);
}

/** Runs a signal over every variant and maps its findings back to the original value; overlapping findings merge. */
export function collect(
  view: SqlView,
  signal: (variant: SqlVariant, mode: SqlMode) => LocalMatch[],
): DetectorMatch[] {
  const spans: LocalMatch[] = [];
  for (const v of view.variants) {
    for (const local of signal(v, view.mode)) {
      const start = Math.max(0, local.start - v.prefix);
      const end = Math.max(start, local.end - v.prefix);
      const [from, to] = toOriginal(view.mapped, start, end);
      if (to > from) spans.push({ start: from, end: to, detail: local.detail });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: DetectorMatch[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end };
    } else merged.push(span);
  }
  return capMatches(merged);
}

/** True when the word at code index i is followed by `(` (a function call). */
export function isCall(code: readonly SqlToken[], i: number, ...names: string[]): boolean {
  return isWord(code[i], ...names) && isPunct(code[i + 1], '(');
}
