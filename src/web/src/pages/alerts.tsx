import { useState } from 'preact/hooks';
import { SeverityBadge, StatusBadge } from '../components/badges';
import { Dialog } from '../components/dialog';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loaded } from '../components/states';
import { type Transition, TransitionForm } from '../components/transition-form';
import { type ApiError, api, query } from '../lib/api';
import { formatTime, SEVERITIES } from '../lib/format';
import { navigate } from '../lib/router';
import { ALERT_STATUSES, type Alert, type Page, type Server } from '../lib/types';
import { useApi } from '../lib/use-api';

type SortKey = 'lastSeen' | 'severity' | 'findingCount' | 'firstSeen';

const SORTS: [SortKey, string][] = [
  ['lastSeen', 'Last seen'],
  ['severity', 'Severity'],
  ['findingCount', 'Findings'],
  ['firstSeen', 'First seen'],
];

function sortAlerts(alerts: readonly Alert[], key: SortKey): Alert[] {
  const rank = (alert: Alert) => SEVERITIES.indexOf(alert.severity as (typeof SEVERITIES)[number]);
  return [...alerts].sort((a, b) => {
    if (key === 'severity') return rank(b) - rank(a) || b.lastSeen.localeCompare(a.lastSeen);
    if (key === 'findingCount') return b.findingCount - a.findingCount;
    return b[key].localeCompare(a[key]);
  });
}

/** The alert queue: filters in the address (shareable), client-side sorting, bulk triage. */
export function AlertsPage({ params }: { params: URLSearchParams }) {
  const status = params.get('status') ?? 'new,in_progress';
  const severity = params.get('severity') ?? '';
  const server = params.get('server') ?? '';
  const rule = params.get('rule') ?? '';
  const sort = (params.get('sort') as SortKey | null) ?? 'severity';
  const [cursor, setCursor] = useState<string | null>(null);
  const alerts = useApi<Page<Alert>>(
    `/api/alerts${query({ status: status === 'all' ? '' : status, severity, server, rule, limit: 100, cursor })}`,
  );
  const servers = useApi<{ items: Server[] }>('/api/servers');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursor(null);
    navigate(`/alerts?${next.toString()}`);
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const runBulk = async (transition: Transition) => {
    const result = await api<{ results?: { id: string; ok: boolean; error?: { message: string } }[] }>(
      'POST',
      '/api/alerts/bulk',
      { ids: [...selected], ...transition },
    );
    const results = result.results ?? [];
    const failed = results.filter((item) => !item.ok);
    setOutcome(
      `${results.length - failed.length} of ${selected.size} alerts updated${
        failed.length > 0 ? `; not updated: ${failed.map((f) => f.error?.message ?? f.id).join('; ')}` : ''
      }.`,
    );
    setBulk(false);
    setSelected(new Set());
    alerts.reload();
  };
  const names = new Map((servers.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <section>
      <h1>Alerts</h1>
      <form class="filters" aria-label="Alert filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select aria-label="Status" value={status} onChange={(e) => set('status', e.currentTarget.value)}>
            <option value="new,in_progress">Open</option>
            {ALERT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Severity
          <select
            aria-label="Severity"
            value={severity}
            onChange={(e) => set('severity', e.currentTarget.value)}
          >
            <option value="">All</option>
            {SEVERITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Server
          <select aria-label="Server" value={server} onChange={(e) => set('server', e.currentTarget.value)}>
            <option value="">All</option>
            {(servers.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select aria-label="Sort by" value={sort} onChange={(e) => set('sort', e.currentTarget.value)}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div class="toolbar">
        <button type="button" disabled={selected.size === 0} onClick={() => setBulk(true)}>
          Triage selected ({selected.size})
        </button>
        <span role="status">{outcome ?? ''}</span>
      </div>
      <ErrorBox error={error} />
      <Loaded state={alerts}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No alerts match these filters.</Empty>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select all alerts on this page"
                        checked={page.items.every((a) => selected.has(a.id))}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked ? new Set(page.items.map((a) => a.id)) : new Set(),
                          )
                        }
                      />
                    </th>
                    <th scope="col">Severity</th>
                    <th scope="col">Alert</th>
                    <th scope="col">Status</th>
                    <th scope="col">Server</th>
                    <th scope="col">User</th>
                    <th scope="col">Findings</th>
                    <th scope="col">Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {sortAlerts(page.items, sort).map((alert) => (
                    <tr key={alert.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Select alert ${alert.title}`}
                          checked={selected.has(alert.id)}
                          onChange={() => toggle(alert.id)}
                        />
                      </td>
                      <td>
                        <SeverityBadge severity={alert.severity} />
                      </td>
                      <td>
                        <Link href={`/alerts/${alert.id}`}>{alert.title}</Link>
                      </td>
                      <td>
                        <StatusBadge status={alert.status} />
                      </td>
                      <td>{names.get(alert.serverId) ?? alert.serverId.slice(0, 8)}</td>
                      <td>{alert.user ?? '—'}</td>
                      <td>{alert.findingCount}</td>
                      <td>{formatTime(alert.lastSeen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.nextCursor && (
                <button type="button" onClick={() => setCursor(page.nextCursor)}>
                  Next page
                </button>
              )}
            </>
          )
        }
      </Loaded>
      {bulk && (
        <Dialog title={`Triage ${selected.size} alerts`} onClose={() => setBulk(false)}>
          <TransitionForm
            idPrefix="bulk"
            submitLabel="Apply to selection"
            onSubmit={async (transition) => {
              try {
                await runBulk(transition);
              } catch (caught) {
                setError(caught as ApiError);
                throw caught;
              }
            }}
          />
          <button type="button" onClick={() => setBulk(false)}>
            Cancel
          </button>
        </Dialog>
      )}
    </section>
  );
}
