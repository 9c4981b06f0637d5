import { useEffect, useState } from 'preact/hooks';
import { BarChart, LineChart, PieChart } from '../components/charts';
import { Dialog } from '../components/dialog';
import { type Diagnostic, KqlEditor } from '../components/kql-editor';
import { Empty, ErrorBox } from '../components/states';
import { type ApiError, api, itemsOf } from '../lib/api';
import { asText } from '../lib/format';
import { chartDataOf, type HuntColumn } from '../lib/hunt-chart';
import { offsetOf, type SchemaTable } from '../lib/kql-language';
import { useApi } from '../lib/use-api';

interface HuntResult {
  readonly columns: readonly HuntColumn[];
  readonly rows: readonly unknown[][];
  readonly render: { visualization: string; properties: Record<string, string> } | null;
  readonly statistics: { rowCount: number; truncated: boolean; translateMs: number; executeMs: number };
}

interface SavedQuery {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly query: string;
}

const PAGE = 50;
const TIMESPANS = [
  ['PT1H', 'Last hour'],
  ['P1D', 'Last 24 hours'],
  ['P7D', 'Last 7 days'],
  ['P30D', 'Last 30 days'],
  ['', 'Any time'],
] as const;
const START = 'McpEvents\n| summarize count() by bin(TimeGenerated, 1h)\n| render timechart';

function schemaOf(value: unknown): SchemaTable[] {
  const list = Array.isArray(value) ? value : ((value as { tables?: unknown })?.tables ?? itemsOf(value));
  return (list as SchemaTable[]).filter((table) => typeof table?.table === 'string');
}

/** Diagnostics with positions, from `/api/hunt/validate` or a failed run's details (`line:column`). */
function diagnosticsOf(error: ApiError, text: string): Diagnostic[] {
  return error.details.flatMap((detail) => {
    const at = /^(\d+):(\d+)$/.exec(detail.path ?? '');
    const line = detail.line ?? (at ? Number(at[1]) : undefined);
    const column = detail.column ?? (at ? Number(at[2]) : undefined);
    if (line === undefined || column === undefined) return [];
    return [
      {
        message: detail.message,
        line,
        column,
        offset: detail.offset ?? offsetOf(text, line, column),
        length: detail.length ?? 1,
      },
    ];
  });
}

/** Hunting: KQL with highlighting, completion and errors in place; table and chart results; saved queries. */
export function HuntingPage({ params }: { params: URLSearchParams }) {
  const [text, setText] = useState(params.get('q') ?? START);
  const [timespan, setTimespan] = useState('P7D');
  const [result, setResult] = useState<HuntResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState(0);
  const [saving, setSaving] = useState(false);
  const schema = useApi<unknown>('/api/hunt/schema');
  const saved = useApi<{ items: SavedQuery[] }>('/api/saved-queries');
  const tables = schemaOf(schema.data);
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ diagnostics?: Diagnostic[] } | Diagnostic[]>('POST', '/api/hunt/validate', { query: text })
        .then((value) => setDiagnostics(Array.isArray(value) ? value : (value.diagnostics ?? [])))
        .catch((caught: ApiError) => setDiagnostics(diagnosticsOf(caught, text)));
    }, 400);
    return () => clearTimeout(timer);
  }, [text]);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const value = await api<HuntResult>('POST', '/api/hunt', {
        query: text,
        ...(timespan ? { timespan } : {}),
      });
      setResult(value);
      setPage(0);
    } catch (caught) {
      const apiError = caught as ApiError;
      setError(apiError);
      setDiagnostics(diagnosticsOf(apiError, text));
    } finally {
      setBusy(false);
    }
  };
  const rows = result?.rows ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  return (
    <section>
      <h1 id="hunt-label">Hunting</h1>
      <div class="hunt-layout">
        <div>
          <KqlEditor
            value={text}
            onChange={setText}
            onRun={run}
            schema={tables}
            diagnostics={diagnostics}
            labelledBy="hunt-label"
          />
          {diagnostics.length > 0 && (
            <ul class="diagnostics" aria-label="Problems in the query">
              {diagnostics.map((d) => (
                <li key={`${d.offset}-${d.message}`}>
                  <span class="badge sev-high">
                    line {d.line}, column {d.column}
                  </span>{' '}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
          <div class="toolbar">
            <label>
              Time range{' '}
              <select value={timespan} onChange={(e) => setTimespan(e.currentTarget.value)}>
                {TIMESPANS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="primary" onClick={run} disabled={busy}>
              {busy ? 'Running…' : 'Run query'}
            </button>
            <button type="button" onClick={() => setSaving(true)}>
              Save query
            </button>
          </div>
          {error && diagnosticsOf(error, text).length === 0 && <ErrorBox error={error} />}
        </div>
        <aside class="card">
          <h2>Saved queries</h2>
          {saved.error ? (
            <ErrorBox error={saved.error} />
          ) : (saved.data?.items ?? []).length === 0 ? (
            <Empty>None yet.</Empty>
          ) : (
            <ul class="plain">
              {(saved.data?.items ?? []).map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setText(item.query)}
                    title={item.description}
                  >
                    {item.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h2>Tables</h2>
          <ul class="plain">
            {tables.map((table) => (
              <li key={table.table}>
                <details>
                  <summary>{table.table}</summary>
                  <ul class="plain columns">
                    {table.columns.map((column) => (
                      <li key={column.name}>
                        <code>{column.name}</code> <span class="muted">{column.type}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {result && (
        <div class="results">
          <p class="muted" role="status">
            {result.statistics.rowCount} rows
            {result.statistics.truncated ? ' (truncated at the row limit)' : ''} · translated in{' '}
            {result.statistics.translateMs.toFixed(1)} ms · ran in {result.statistics.executeMs.toFixed(1)} ms
          </p>
          {result.render && <HuntChart result={result} />}
          {rows.length === 0 ? (
            <Empty>No rows.</Empty>
          ) : (
            <>
              <div class="table-scroll">
                <table class="results-table">
                  <thead>
                    <tr>
                      {result.columns.map((column) => (
                        <th key={column.name} scope="col">
                          {column.name} <span class="muted">{column.type}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.slice(page * PAGE, (page + 1) * PAGE).map((row, i) => (
                      <tr key={page * PAGE + i}>
                        {row.map((cell, j) => (
                          <td key={j}>{asText(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label="Result pages">
                <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Previous
                </button>
                <span>
                  Page {page + 1} of {pages}
                </span>
                <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                  Next
                </button>
              </nav>
            </>
          )}
        </div>
      )}
      {saving && (
        <SaveDialog
          query={text}
          onClose={() => setSaving(false)}
          onSaved={() => {
            setSaving(false);
            saved.reload();
          }}
        />
      )}
    </section>
  );
}

function HuntChart({ result }: { result: HuntResult }) {
  const kind = result.render?.visualization ?? '';
  const data = chartDataOf(result.columns, result.rows);
  const title = result.render?.properties.title ?? `Query result (${kind})`;
  if (kind === 'piechart') return <PieChart data={data} title={title} />;
  if (kind === 'timechart' || kind === 'linechart' || kind === 'areachart')
    return <LineChart data={data} title={title} />;
  if (kind === 'table') return null;
  return <BarChart data={data} title={title} />;
}

function SaveDialog(props: { query: string; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/saved-queries', { name, description, query: props.query });
      props.onSaved();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <Dialog title="Save query" onClose={props.onClose}>
      <form class="form" onSubmit={submit}>
        <label for="save-name">Name</label>
        <input id="save-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="save-description">Description</label>
        <textarea
          id="save-description"
          rows={2}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <ErrorBox error={error} />
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
