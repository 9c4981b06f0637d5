import { SentinelError } from '../core/index.js';
import { KqlError } from './errors.js';
import type { CompiledHunt, CompileOptions } from './kql-types.js';
import type { KNode } from './kusto-library.js';
import { kustoLibrary } from './kusto-library.js';
import { analyseKql, lengthDiagnostic } from './kusto-validator.js';
import { letExpansionDiagnostic } from './let-expansion.js';
import { diagnosticAt } from './positions.js';
import { huntDialect } from './sql-dialect.js';
import { TranslateContext } from './translate/context.js';
import { orderBy } from './translate/relation.js';
import { translateScalar } from './translate/scalar.js';
import type { Relation } from './translate/sql-expr.js';
import { items, prop, requireProp } from './translate/syntax.js';
import { translateTabular } from './translate/tabular.js';

/**
 * Validates a query with the official parser and translates its analysed syntax tree to one
 * parameterized SELECT for the dialect. Throws KqlError (`kql_invalid`, `kql_unsupported`).
 */
export async function compileKql(query: string, options: CompileOptions): Promise<CompiledHunt> {
  const tooLong = lengthDiagnostic(query);
  if (tooLong) throw new KqlError('kql_invalid', [tooLong]);
  if (query.trim() === '')
    throw new KqlError('kql_invalid', [diagnosticAt(query, 'KQL0001', 'the query is empty', 0, 0)]);
  const expansion = letExpansionDiagnostic(kustoLibrary(), query);
  if (expansion) throw new KqlError('kql_unsupported', [expansion]);
  const { code, diagnostics } = analyseKql(query);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new KqlError('kql_invalid', errors);
  const ctx = new TranslateContext(kustoLibrary(), query, huntDialect(options.dialect), options);
  try {
    return translateQuery(ctx, code.Syntax, options);
  } catch (error) {
    if (error instanceof SentinelError) throw error;
    // A translator gap must not surface as a 500 with internals; it is a query we cannot run yet.
    throw new KqlError('kql_unsupported', [
      diagnosticAt(
        query,
        'KQL_UNSUPPORTED',
        'this query uses a form Sentinel hunting cannot translate yet',
        0,
        query.length,
      ),
    ]);
  }
}

function translateQuery(ctx: TranslateContext, root: KNode, options: CompileOptions): CompiledHunt {
  let result: Relation | null = null;
  for (const statement of items(prop(root, 'Statements'))) {
    const kind = ctx.kind(statement);
    if (kind === 'LetStatement') {
      translateLet(ctx, statement);
    } else if (kind === 'ExpressionStatement') {
      if (result) return ctx.unsupported(statement, 'a second query statement');
      result = translateTabular(ctx, requireProp(statement, 'Expression'));
    } else {
      return ctx.unsupported(statement, `the ${ctx.source(statement).split(/\s/)[0]} statement`);
    }
  }
  if (!result) return ctx.invalid(root, 'the query has no tabular expression to run');
  const visible = result.columns.map((c) => `q.${c.alias}`).join(', ');
  const limit = ctx.constant(options.maxRows + 1, 'long').sql;
  const sql = `SELECT ${visible || 'NULL'} FROM (${result.sql}) AS q${orderBy(ctx, result.sortKeys, 'q')} LIMIT ${limit}`;
  const placeholder = ctx.dialect.name === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const final = ctx.params.finalize(sql, placeholder);
  return {
    sql: final.sql,
    params: final.params,
    columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
    render: ctx.render,
  };
}

function translateLet(ctx: TranslateContext, statement: KNode): void {
  const name = requireProp(statement, 'Name').ToString().trim();
  const expression = requireProp(statement, 'Expression');
  const kind = ctx.kind(expression);
  if (kind === 'FunctionDeclaration') ctx.unsupported(statement, `the user-defined function ${name}`);
  if (expression.ResultType?.Columns) {
    const relation = translateTabular(ctx, expression);
    ctx.checkSize(relation.sql, statement);
    ctx.lets.set(name, { kind: 'table', relation });
    return;
  }
  const expr = translateScalar(ctx, expression, new Map());
  ctx.checkSize(expr.sql, statement);
  ctx.lets.set(name, { kind: 'scalar', expr });
}
