/** Just enough KQL for highlighting and completion; validation is the server's (/api/hunt/validate). */

export const KQL_KEYWORDS = [
  'where',
  'project',
  'project-away',
  'project-rename',
  'project-reorder',
  'extend',
  'summarize',
  'by',
  'take',
  'limit',
  'top',
  'sort',
  'order',
  'asc',
  'desc',
  'count',
  'distinct',
  'join',
  'kind',
  'on',
  'union',
  'render',
  'let',
  'mv-expand',
  'parse',
  'with',
  'as',
  'and',
  'or',
  'not',
  'has',
  '!has',
  'has_any',
  'has_all',
  'contains',
  '!contains',
  'contains_cs',
  'startswith',
  'endswith',
  'matches',
  'regex',
  'in',
  '!in',
  'in~',
  'between',
  'inner',
  'leftouter',
  'rightouter',
  'fullouter',
  'leftanti',
  'leftsemi',
  'innerunique',
  'timechart',
  'barchart',
  'columnchart',
  'piechart',
  'linechart',
  'table',
  'true',
  'false',
  'null',
] as const;

export const KQL_FUNCTIONS = [
  'count',
  'countif',
  'dcount',
  'dcountif',
  'sum',
  'sumif',
  'avg',
  'min',
  'max',
  'arg_max',
  'arg_min',
  'percentile',
  'make_set',
  'make_list',
  'any',
  'bin',
  'ago',
  'now',
  'datetime',
  'timespan',
  'startofday',
  'startofweek',
  'startofmonth',
  'endofday',
  'format_datetime',
  'tolower',
  'toupper',
  'strlen',
  'substring',
  'strcat',
  'split',
  'extract',
  'replace_string',
  'trim',
  'isempty',
  'isnotempty',
  'isnull',
  'isnotnull',
  'iff',
  'iif',
  'case',
  'coalesce',
  'tostring',
  'toint',
  'tolong',
  'toreal',
  'todouble',
  'tobool',
  'todatetime',
  'parse_json',
  'array_length',
  'bag_keys',
  'round',
  'floor',
  'abs',
  'hash_sha256',
] as const;

export interface SchemaTable {
  readonly table: string;
  readonly description?: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

export type TokenKind =
  | 'keyword'
  | 'function'
  | 'table'
  | 'column'
  | 'string'
  | 'number'
  | 'comment'
  | 'operator'
  | 'text';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
}

const KEYWORDS = new Set<string>(KQL_KEYWORDS);
const FUNCTIONS = new Set<string>(KQL_FUNCTIONS);
const TOKEN =
  /(\/\/[^\n]*)|(@?"(?:[^"\\\n]|\\.)*"?|@?'(?:[^'\\\n]|\\.)*'?)|(\d+(?:\.\d+)?(?:[a-z]+)?)|(!?[A-Za-z_][\w-]*~?)|(\s+)|([^\sA-Za-z_\d])/gy;

/** Splits the query into tokens that cover every character, for the highlight layer. */
export function tokenize(text: string, schema: readonly SchemaTable[]): Token[] {
  const tables = new Set(schema.map((t) => t.table));
  const columns = new Set(schema.flatMap((t) => t.columns.map((c) => c.name)));
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null = TOKEN.exec(text);
  while (match !== null && match[0] !== '') {
    const [whole, comment, string, number, word] = match;
    let kind: TokenKind = 'text';
    if (comment) kind = 'comment';
    else if (string) kind = 'string';
    else if (number) kind = 'number';
    else if (word) {
      const bare = word.replace(/-$/, '');
      if (tables.has(bare)) kind = 'table';
      else if (columns.has(bare)) kind = 'column';
      else if (FUNCTIONS.has(bare) && text[match.index + whole.length] === '(') kind = 'function';
      else if (KEYWORDS.has(bare.toLowerCase())) kind = 'keyword';
    } else if (/^[|=<>!+*/%-]$/.test(whole)) kind = 'operator';
    tokens.push({ kind, text: whole, start: match.index });
    match = TOKEN.exec(text);
  }
  const covered = tokens.reduce((sum, token) => sum + token.text.length, 0);
  if (covered < text.length) tokens.push({ kind: 'text', text: text.slice(covered), start: covered });
  return tokens;
}

export interface Completion {
  readonly label: string;
  readonly kind: 'table' | 'column' | 'keyword' | 'function';
  readonly detail: string;
}

/** The word being typed at `offset` (letters, digits, _ and -). */
export function wordAt(text: string, offset: number): { start: number; word: string } {
  let start = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1] ?? '')) start--;
  return { start, word: text.slice(start, offset) };
}

/** Candidates for the word at the caret: after `|` operators, at the start tables, else columns and functions. */
export function complete(text: string, offset: number, schema: readonly SchemaTable[]): Completion[] {
  const { start, word } = wordAt(text, offset);
  const before = text.slice(0, start).trimEnd();
  const afterPipe = before.endsWith('|');
  const atStart = before === '' || /(;|\blet\b[^;]*=)$/.test(before) || /\b(union|join)\b[^|]*$/.test(before);
  const prefix = word.toLowerCase();
  const all: Completion[] = [];
  if (afterPipe) {
    for (const keyword of KQL_KEYWORDS) all.push({ label: keyword, kind: 'keyword', detail: 'operator' });
  } else {
    for (const table of schema)
      all.push({ label: table.table, kind: 'table', detail: table.description ?? 'table' });
    if (!atStart) {
      const used = schema.filter((table) => text.includes(table.table));
      for (const table of used.length > 0 ? used : schema) {
        for (const column of table.columns)
          all.push({ label: column.name, kind: 'column', detail: `${table.table} · ${column.type}` });
      }
      for (const name of KQL_FUNCTIONS) all.push({ label: name, kind: 'function', detail: 'function' });
      for (const keyword of KQL_KEYWORDS) all.push({ label: keyword, kind: 'keyword', detail: 'keyword' });
    }
  }
  const seen = new Set<string>();
  const out: Completion[] = [];
  for (const item of all) {
    if (seen.has(item.label) || item.label === word || !item.label.toLowerCase().startsWith(prefix)) continue;
    seen.add(item.label);
    out.push(item);
  }
  return out.slice(0, 30);
}

/** 1-based line and column to an offset. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
