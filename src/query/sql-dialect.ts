import type { KqlType } from './kql-types.js';

/**
 * What differs between SQLite and PostgreSQL when running KQL. Representations in SQL:
 * datetime is epoch ms (SQLite INTEGER) or TIMESTAMPTZ; bool is 0/1 or BOOLEAN; dynamic is JSON
 * text or JSONB; timespan is milliseconds in both. Every argument is an SQL fragment we built.
 */
export interface HuntDialect {
  readonly name: 'sqlite' | 'postgres';
  /** A bound value of a type (`marker` binds it); datetimes come as epoch ms. */
  value(marker: (value: unknown) => string, value: unknown, type: KqlType | 'text[]'): string;
  nullOf(type: KqlType): string;
  /** A stored column as its KQL value. */
  column(sql: string, type: KqlType, nullable: boolean): string;
  /** Datetime to epoch ms and back (identity on SQLite). */
  toMs(datetime: string): string;
  fromMs(ms: string): string;
  floor(x: string): string;
  /**
   * Optional fast bin for sizes that divide a day (so 0001-01-01 and 1970-01-01 align): the
   * integer remainder is cheaper than floor() per row on SQLite's INTEGER milliseconds.
   */
  binAligned?(ms: string, size: string): string;
  ceil(x: string): string;
  /** ISO 8601 text (ms, Z) of a datetime. */
  isoText(datetime: string): string;
  /** A datetime from ISO text, null when not a time. */
  parseDatetime(text: string): string;
  /** Text of a number, bool or datetime (KQL tostring). */
  toText(x: string, type: KqlType): string;
  toLong(x: string, type: KqlType): string;
  toReal(x: string, type: KqlType): string;
  strlen(x: string): string;
  /** Case-insensitive LIKE against a bound pattern (escape `\`). */
  ilike(x: string, pattern: string): string;
  /** 1-based position of the first occurrence of needle in x, 0 when absent (case-sensitive). */
  position(x: string, needle: string): string;
  regexMatch(x: string, pattern: string, caseInsensitive: boolean): string;
  /** Capture group `group` (bound) of bound `pattern` in x, '' when none. */
  regexExtract(x: string, pattern: string, group: string): string;
  /** A dynamic array of the parts of x split at delimiter. */
  split(x: string, delimiter: string): string;
  /** Comparison-safe string collation (byte order on both). */
  collate(x: string): string;
  /** Dynamic at a path (a bound list of keys and indexes). */
  jsonPath(dynamic: string, path: readonly (string | number)[], marker: (value: unknown) => string): string;
  /** A dynamic as a scalar: strings unquoted, other values as JSON text. */
  jsonText(dynamic: string): string;
  jsonNumber(dynamic: string): string;
  jsonBool(dynamic: string): string;
  jsonArrayLength(dynamic: string): string;
  parseJson(text: string): string;
  /** A scalar of a type as dynamic. */
  toDynamic(x: string, type: KqlType): string;
  /** An array of the distinct (or all) non-null values, sorted, as dynamic. */
  aggregateArray(x: string, type: KqlType, distinct: boolean): string;
  /** What follows `FROM (input) AS q` to add one row per element of a dynamic array. */
  expandArray(dynamic: string, elementAlias: string): string;
  expandedValue(elementAlias: string): string;
  boolMin(x: string): string;
  boolMax(x: string): string;
  /** The first value of x among rows where `condition` holds, in an aggregate. */
  pick(x: string, type: KqlType, condition: string): string;
}

/** 0001-01-01T00:00:00Z in epoch ms: KQL bins datetimes from this origin, not from 1970. */
export const KQL_TIME_ORIGIN_MS = -62_135_596_800_000;

const PG_TYPES: Record<KqlType | 'text[]', string> = {
  string: 'TEXT',
  guid: 'TEXT',
  long: 'BIGINT',
  int: 'BIGINT',
  real: 'DOUBLE PRECISION',
  bool: 'BOOLEAN',
  datetime: 'TIMESTAMPTZ',
  timespan: 'DOUBLE PRECISION',
  dynamic: 'JSONB',
  'text[]': 'TEXT[]',
};

const INTEGER_TEXT_PG = "'^\\s*[-+]?[0-9]+\\s*$'";
const NUMBER_TEXT_PG = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

export const sqliteHuntDialect: HuntDialect = {
  name: 'sqlite',
  value: (marker, value, type) => {
    if (value === null || value === undefined) return 'NULL';
    if (type === 'bool') return marker(value ? 1 : 0);
    if (type === 'dynamic') return `json(${marker(JSON.stringify(value))})`;
    return marker(value);
  },
  nullOf: () => 'NULL',
  column: (sql, type, nullable) =>
    nullable && (type === 'string' || type === 'guid') ? `COALESCE(${sql}, '')` : sql,
  toMs: (d) => d,
  fromMs: (ms) => `CAST(${ms} AS INTEGER)`,
  floor: (x) => `floor(${x})`,
  // Event times are never before 1970, so the remainder is never negative.
  binAligned: (ms, size) => `(${ms} - (${ms} % ${size}))`,
  ceil: (x) => `ceil(${x})`,
  isoText: (d) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${d}) / 1000.0, 'unixepoch')`,
  parseDatetime: (t) => `CAST(ROUND((julianday(${t}) - 2440587.5) * 86400000.0) AS INTEGER)`,
  toText: (x, type) => {
    if (type === 'datetime') return sqliteHuntDialect.isoText(x);
    if (type === 'bool') return `(CASE WHEN ${x} IS NULL THEN '' WHEN ${x} THEN 'true' ELSE 'false' END)`;
    if (type === 'dynamic') return `COALESCE(${sqliteHuntDialect.jsonText(x)}, '')`;
    // PostgreSQL prints a whole double without ".0"; so does KQL.
    if (type === 'real')
      return `COALESCE(CASE WHEN ${x} = CAST(${x} AS INTEGER) THEN CAST(CAST(${x} AS INTEGER) AS TEXT) ELSE CAST(${x} AS TEXT) END, '')`;
    return `COALESCE(CAST(${x} AS TEXT), '')`;
  },
  toLong: (x, type) => {
    if (type === 'string')
      return `(CASE WHEN CAST(CAST(trim(${x}) AS INTEGER) AS TEXT) = trim(${x}) THEN CAST(trim(${x}) AS INTEGER) END)`;
    if (type === 'dynamic') return `CAST(${sqliteHuntDialect.jsonNumber(x)} AS INTEGER)`;
    return `CAST(${x} AS INTEGER)`;
  },
  toReal: (x, type) => {
    if (type === 'string')
      return `(CASE WHEN trim(${x}) GLOB '*[0-9]*' AND NOT trim(${x}) GLOB '*[^0-9eE.+-]*' THEN CAST(trim(${x}) AS REAL) END)`;
    if (type === 'dynamic') return sqliteHuntDialect.jsonNumber(x);
    return `CAST(${x} AS REAL)`;
  },
  strlen: (x) => `length(${x})`,
  ilike: (x, p) => `(${x} LIKE ${p} ESCAPE '\\')`,
  position: (x, n) => `instr(${x}, ${n})`,
  regexMatch: (x, p, ci) => `kql_regex_match(${x}, ${p}, ${ci ? 1 : 0})`,
  regexExtract: (x, p, g) => `COALESCE(kql_regex_extract(${x}, ${p}, ${g}), '')`,
  split: (x, d) => `kql_split(${x}, ${d})`,
  collate: (x) => x,
  jsonPath: (dyn, path, marker) => `(${dyn} -> ${marker(sqlitePath(path))})`,
  jsonText: (d) => `(${d} ->> '$')`,
  jsonNumber: (d) => `(CASE WHEN json_type(${d}) IN ('integer', 'real') THEN (${d} ->> '$') END)`,
  jsonBool: (d) => `(CASE json_type(${d}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`,
  jsonArrayLength: (d) => `(CASE WHEN json_type(${d}) = 'array' THEN json_array_length(${d}) END)`,
  parseJson: (t) => `(CASE WHEN json_valid(${t}) THEN json(${t}) END)`,
  toDynamic: (x, type) => {
    if (type === 'dynamic') return x;
    if (type === 'bool') return `(CASE WHEN ${x} IS NULL THEN NULL WHEN ${x} THEN 'true' ELSE 'false' END)`;
    if (type === 'datetime') return `json_quote(${sqliteHuntDialect.isoText(x)})`;
    return `json_quote(${x})`;
  },
  aggregateArray: (x, type, distinct) => {
    const element =
      type === 'dynamic' ? `json(${x})` : type === 'datetime' ? sqliteHuntDialect.isoText(x) : x;
    const value = type === 'bool' ? `json(${sqliteHuntDialect.toDynamic(x, type)})` : element;
    return `json_group_array(${distinct ? 'DISTINCT ' : ''}${value} ORDER BY ${value}) FILTER (WHERE ${x} IS NOT NULL)`;
  },
  expandArray: (d, e) =>
    `, json_each(CASE WHEN json_type(${d}) = 'array' THEN ${d} WHEN ${d} IS NULL THEN NULL ELSE json_array(json(${d})) END) AS ${e}`,
  expandedValue: (e) => `json_quote(${e}.value)`,
  boolMin: (x) => `MIN(${x})`,
  boolMax: (x) => `MAX(${x})`,
  pick: (x, _type, c) => `MAX(CASE WHEN ${c} THEN ${x} END)`,
};

/** `$."key"[2]`: SQLite JSON path; keys are quoted so any text is a key, never path syntax. */
function sqlitePath(path: readonly (string | number)[]): string {
  return `$${path.map((part) => (typeof part === 'number' ? `[${part}]` : `."${part.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join('')}`;
}

export const postgresHuntDialect: HuntDialect = {
  name: 'postgres',
  value: (marker, value, type) => {
    if (value === null || value === undefined) return `CAST(NULL AS ${PG_TYPES[type]})`;
    if (type === 'datetime') return `CAST(${marker(new Date(Number(value)).toISOString())} AS TIMESTAMPTZ)`;
    if (type === 'dynamic') return `CAST(${marker(JSON.stringify(value))} AS JSONB)`;
    return `CAST(${marker(value)} AS ${PG_TYPES[type]})`;
  },
  nullOf: (type) => `CAST(NULL AS ${PG_TYPES[type]})`,
  column: (sql, type, nullable) =>
    nullable && (type === 'string' || type === 'guid') ? `COALESCE(${sql}, '')` : sql,
  toMs: (d) => `(EXTRACT(EPOCH FROM ${d}) * 1000)`,
  fromMs: (ms) => `to_timestamp((${ms}) / 1000.0)`,
  floor: (x) => `floor(${x})`,
  ceil: (x) => `ceil(${x})`,
  isoText: (d) => `to_char((${d}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  parseDatetime: (t) =>
    `(CASE WHEN ${t} ~ '^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:.]*)?(Z|[-+][0-9:]+)?\\s*$' THEN CAST(CASE WHEN ${t} ~ '(Z|[-+][0-9]{2}:?[0-9]{2})\\s*$' THEN ${t} ELSE ${t} || 'Z' END AS TIMESTAMPTZ) END)`,
  toText: (x, type) => {
    if (type === 'datetime') return postgresHuntDialect.isoText(x);
    if (type === 'bool') return `(CASE WHEN ${x} IS NULL THEN '' WHEN ${x} THEN 'true' ELSE 'false' END)`;
    if (type === 'dynamic') return `COALESCE(${postgresHuntDialect.jsonText(x)}, '')`;
    return `COALESCE(CAST(${x} AS TEXT), '')`;
  },
  toLong: (x, type) => {
    if (type === 'string') return `(CASE WHEN ${x} ~ ${INTEGER_TEXT_PG} THEN CAST(trim(${x}) AS BIGINT) END)`;
    if (type === 'dynamic') return `CAST(trunc(${postgresHuntDialect.jsonNumber(x)}) AS BIGINT)`;
    if (type === 'real') return `CAST(trunc(${x}) AS BIGINT)`;
    if (type === 'bool') return `CAST(CAST(${x} AS INTEGER) AS BIGINT)`;
    return `CAST(${x} AS BIGINT)`;
  },
  toReal: (x, type) => {
    if (type === 'string')
      return `(CASE WHEN ${x} ~ ${NUMBER_TEXT_PG} THEN CAST(trim(${x}) AS DOUBLE PRECISION) END)`;
    if (type === 'dynamic') return postgresHuntDialect.jsonNumber(x);
    if (type === 'bool') return `CAST(CAST(${x} AS INTEGER) AS DOUBLE PRECISION)`;
    return `CAST(${x} AS DOUBLE PRECISION)`;
  },
  strlen: (x) => `char_length(${x})`,
  ilike: (x, p) => `(${x} ILIKE ${p} ESCAPE '\\')`,
  position: (x, n) => `strpos(${x}, ${n})`,
  regexMatch: (x, p, ci) => `(${x} ${ci ? '~*' : '~'} ${p})`,
  regexExtract: (x, p, g) => `COALESCE((regexp_match(${x}, ${p}))[${g} + 1], '')`,
  split: (x, d) => `to_jsonb(string_to_array(${x}, ${d}))`,
  collate: (x) => `(${x}) COLLATE "C"`,
  jsonPath: (dyn, path, marker) =>
    `(${dyn} #> ${postgresHuntDialect.value(marker, path.map(String), 'text[]')})`,
  jsonText: (d) => `(${d} #>> '{}')`,
  jsonNumber: (d) =>
    `(CASE WHEN jsonb_typeof(${d}) = 'number' THEN CAST(${d} #>> '{}' AS DOUBLE PRECISION) END)`,
  jsonBool: (d) => `(CASE WHEN jsonb_typeof(${d}) = 'boolean' THEN CAST(${d} #>> '{}' AS BOOLEAN) END)`,
  jsonArrayLength: (d) => `(CASE WHEN jsonb_typeof(${d}) = 'array' THEN jsonb_array_length(${d}) END)`,
  parseJson: (t) => `CAST(${t} AS JSONB)`,
  toDynamic: (x, type) => {
    if (type === 'dynamic') return x;
    if (type === 'datetime') return `to_jsonb(${postgresHuntDialect.isoText(x)})`;
    return `to_jsonb(${x})`;
  },
  aggregateArray: (x, type, distinct) => {
    const value =
      type === 'string' || type === 'guid'
        ? `(${x}) COLLATE "C"`
        : type === 'datetime'
          ? postgresHuntDialect.isoText(x)
          : x;
    return `COALESCE(jsonb_agg(${distinct ? 'DISTINCT ' : ''}${value} ORDER BY ${value}) FILTER (WHERE ${x} IS NOT NULL), '[]'::jsonb)`;
  },
  expandArray: (d, e) =>
    `CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(${d}) = 'array' THEN ${d} WHEN ${d} IS NULL THEN NULL ELSE jsonb_build_array(${d}) END) AS ${e}(value)`,
  expandedValue: (e) => `${e}.value`,
  boolMin: (x) => `bool_and(${x})`,
  boolMax: (x) => `bool_or(${x})`,
  pick: (x, _type, c) => `(array_agg(${x}) FILTER (WHERE ${c}))[1]`,
};

export function huntDialect(name: 'sqlite' | 'postgres'): HuntDialect {
  return name === 'sqlite' ? sqliteHuntDialect : postgresHuntDialect;
}
