import { z } from 'zod';
import type { Application } from '../../app/index.js';
import type { Principal } from '../../core/index.js';
import { needs, plain, requirePort, type SavedQueryView } from '../app-ports.js';
import { defineTool, type Tool } from '../tool.js';

const queryInput = z
  .string()
  .min(1)
  .max(20_000)
  .describe('A KQL query over McpEvents, Findings, Alerts, Servers, AuditLogs.');

export const timespanInput = z
  .union([
    z
      .string()
      .regex(
        /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/,
        'must be an ISO 8601 duration such as P7D or PT12H',
      ),
    z.strictObject({ from: z.string(), to: z.string() }),
  ])
  .optional()
  .describe('Restricts TimeGenerated: an ISO 8601 duration back from now (P7D, PT1H) or {from, to}.');

const huntOutput = {
  columns: z.array(z.looseObject({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.unknown())),
  render: z.unknown(),
  statistics: z.looseObject({ rowCount: z.number(), truncated: z.boolean() }),
};

interface HuntResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  render: unknown;
  statistics: { rowCount: number; truncated: boolean };
}

async function hunt(app: Application, principal: Principal, query: string, timespan: unknown) {
  const result = plain(
    await requirePort(app, 'hunt').run(principal, timespan === undefined ? { query } : { query, timespan }),
  ) as HuntResult;
  const guidance =
    `${result.statistics.rowCount} row(s)${result.statistics.truncated ? ' (truncated: narrow the query or the timespan)' : ''}. ` +
    'Next: search_events or get_event for rows of interest; refine the query with where/summarize.';
  return { data: { ...result, render: result.render ?? null }, guidance };
}

export const runKqlQuery = defineTool({
  name: 'run_kql_query',
  title: 'Run a KQL hunting query',
  description:
    'Runs a read-only KQL (Kusto) query over Sentinel’s tables McpEvents, Findings, Alerts, Servers and AuditLogs and returns columns and rows. ' +
    'Use it for questions the other tools cannot answer directly: aggregations, joins, hypotheses. Check syntax first with validate_kql_query; ' +
    'see get_hunting_schema for columns and the sentinel://hunting/kql-reference resource for examples. ' +
    'Next: get_event or investigate_user for rows of interest.',
  toolset: 'hunting',
  tier: 'read',
  everyday: true,
  available: needs('hunt'),
  input: { query: queryInput, timespan: timespanInput },
  output: huntOutput,
  handler: async ({ app, principal }, { query, timespan }) => hunt(app, principal, query, timespan),
});

export const validateKqlQuery = defineTool({
  name: 'validate_kql_query',
  title: 'Validate a KQL query',
  description:
    'Checks a KQL query against the hunting schema without running it and returns diagnostics with line, column and message. ' +
    'Use it before run_kql_query or when a query failed. Next: run_kql_query once it is clean.',
  toolset: 'hunting',
  tier: 'read',
  available: needs('hunt'),
  input: { query: queryInput },
  output: { valid: z.boolean(), diagnostics: z.array(z.looseObject({ message: z.string() })) },
  handler: async ({ app }, { query }) => {
    const diagnostics = plain(await requirePort(app, 'hunt').validate(query)) as {
      message: string;
      severity?: string;
    }[];
    const valid = !diagnostics.some((d) => d.severity !== 'warning');
    return {
      data: { valid, diagnostics },
      guidance: valid
        ? 'The query is valid. Next: run_kql_query.'
        : 'The query has errors; fix them at the positions given.',
    };
  },
});

export const getHuntingSchema = defineTool({
  name: 'get_hunting_schema',
  title: 'Hunting schema',
  description:
    'Lists the hunting tables (McpEvents, Findings, Alerts, Servers, AuditLogs) with their columns and types. ' +
    'Use it before writing a KQL query. Next: validate_kql_query, run_kql_query.',
  toolset: 'hunting',
  tier: 'read',
  available: needs('hunt'),
  input: {},
  output: {
    tables: z.array(
      z.looseObject({
        table: z.string(),
        columns: z.array(z.looseObject({ name: z.string(), type: z.string() })),
      }),
    ),
  },
  handler: async ({ app }) => ({
    data: { tables: plain(await requirePort(app, 'hunt').schema()) },
    guidance:
      'Hunting schema. Dynamic columns (Arguments, Metadata) support Metadata.file_path style access.',
  }),
});

export const listSavedQueries = defineTool({
  name: 'list_saved_queries',
  title: 'List saved hunting queries',
  description:
    'Lists the team’s saved KQL hunting queries (name, description, query). Each is also available as its own tool named saved_query_<name>. ' +
    'Use it to reuse a known hunt. Next: run_kql_query with the query, or its saved_query_ tool.',
  toolset: 'hunting',
  tier: 'read',
  available: needs('savedQueries'),
  input: {},
  output: {
    queries: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        query: z.string(),
      }),
    ),
    tools: z.array(z.string()),
  },
  handler: async ({ app, principal }) => {
    const saved = await requirePort(app, 'savedQueries').list(principal);
    const queries = saved.map((q) => ({
      id: q.id,
      name: q.name,
      description: q.description ?? null,
      query: q.query,
    }));
    return {
      data: { queries, tools: saved.map((q) => savedQueryToolName(q.name)) },
      guidance: `${queries.length} saved quer${queries.length === 1 ? 'y' : 'ies'}.`,
    };
  },
});

/** `saved_query_<slug>`: a tool name (letters, digits, underscores) from the saved query's name. */
export function savedQueryToolName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return `saved_query_${slug === '' ? 'unnamed' : slug}`;
}

/** Printable, single-line and short: a saved query's text becomes part of a tool description. */
function clean(text: string, max: number): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, max);
}

/** One tool per saved query (as Microsoft Sentinel exposes hunting queries), built per caller. */
export async function savedQueryTools(app: Application, principal: Principal): Promise<Tool[]> {
  if (!needs('savedQueries', 'hunt')(app)) return [];
  const saved = await requirePort(app, 'savedQueries').list(principal);
  const seen = new Set<string>();
  return saved.flatMap((query: SavedQueryView) => {
    const name = savedQueryToolName(query.name);
    if (seen.has(name)) return [];
    seen.add(name);
    return [savedQueryTool(name, query)];
  });
}

function savedQueryTool(name: string, query: SavedQueryView): Tool {
  const summary = query.description ? clean(query.description, 500) : 'No description.';
  return defineTool({
    name,
    title: `Saved query: ${clean(query.name, 100)}`,
    description:
      `Runs the team's saved hunting query "${clean(query.name, 100)}": ${summary} ` +
      'Read-only. Next: get_event or search_events for rows of interest.',
    toolset: 'hunting',
    tier: 'read',
    input: { timespan: timespanInput },
    output: huntOutput,
    handler: async ({ app, principal }, { timespan }) => {
      // Run the query as saved now, not as it was when this tool list was built.
      const current = await requirePort(app, 'savedQueries').get(principal, query.id);
      return hunt(app, principal, current.query, timespan);
    },
  });
}

export const huntingTools: readonly Tool[] = [
  runKqlQuery,
  validateKqlQuery,
  getHuntingSchema,
  listSavedQueries,
];
