export { compileKql } from './compile.js';
export { decodeHuntRows } from './decode-rows.js';
export { KqlError } from './errors.js';
export { HUNTING_SCHEMA, type HuntingTable } from './hunting-schema.js';
export type {
  CompiledHunt,
  CompileOptions,
  HuntColumn,
  KqlDiagnostic,
  KqlType,
  RenderHint,
} from './kql-types.js';
export { MAX_QUERY_LENGTH, validateKql } from './kusto-validator.js';
export { SCALAR_FUNCTIONS } from './translate/functions.js';
export { AGGREGATE_FUNCTIONS } from './translate/summarize.js';
