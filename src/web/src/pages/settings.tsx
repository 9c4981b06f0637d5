import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Snippet } from '../components/copy-button';
import { ConfirmDialog } from '../components/dialog';
import { ErrorBox, Loaded } from '../components/states';
import { type ApiError, api, authHeaders } from '../lib/api';
import { formatNumber, formatTime } from '../lib/format';
import { metricTotals } from '../lib/prometheus';
import type { ApiKey, RetentionStatus } from '../lib/types';
import { useApi } from '../lib/use-api';

interface About {
  readonly version: string;
  readonly store: string;
  readonly caller: { readonly name: string; readonly role: string };
  readonly settings: {
    readonly mcpWriteOps: boolean;
    readonly mcpMode: string;
    readonly alertWindowMinutes: number;
    readonly storeSecrets: string;
    readonly webhookRateLimit: { limit: number; windowSeconds: number };
    readonly signatureToleranceSeconds: number;
    readonly proxyFailMode: string;
  };
}

const METRICS: [string, string][] = [
  ['sentinel_events_accepted_total', 'Events accepted'],
  ['sentinel_events_rejected_total', 'Events rejected'],
  ['sentinel_events_duplicate_total', 'Duplicates dropped'],
  ['sentinel_store_commit_duration_seconds_count', 'Store commits'],
  ['sentinel_http_requests_total', 'HTTP requests'],
];

/** Settings: API keys and roles (admin), how this node is configured, figures from /metrics. */
export function SettingsPage() {
  const about = useApi<About>('/api/about');
  return (
    <section>
      <h1>Settings</h1>
      <ApiKeys />
      <div class="grid">
        <article class="card">
          <h2>About</h2>
          <Loaded state={about}>
            {(data) => (
              <dl class="facts">
                <dt>Version</dt>
                <dd>{data.version}</dd>
                <dt>Store</dt>
                <dd>{data.store}</dd>
                <dt>Your key</dt>
                <dd>
                  {data.caller.name} ({data.caller.role})
                </dd>
                <dt>MCP write operations</dt>
                <dd>{data.settings.mcpWriteOps ? 'on' : 'off (SENTINEL_ENABLE_WRITE_OPS=false)'}</dd>
                <dt>MCP tool mode</dt>
                <dd>{data.settings.mcpMode}</dd>
                <dt>Alert grouping window</dt>
                <dd>{data.settings.alertWindowMinutes} min</dd>
                <dt>Secrets in stored events</dt>
                <dd>{data.settings.storeSecrets}</dd>
                <dt>Webhook rate limit</dt>
                <dd>
                  {formatNumber(data.settings.webhookRateLimit.limit)} per{' '}
                  {data.settings.webhookRateLimit.windowSeconds} s
                </dd>
                <dt>Proxy when Sentinel fails</dt>
                <dd>fail {data.settings.proxyFailMode}</dd>
              </dl>
            )}
          </Loaded>
        </article>
        <Retention />
        <article class="card">
          <h2>Figures from /metrics</h2>
          <Metrics />
        </article>
      </div>
    </section>
  );
}

/** The retention window, its last run and what the next run would delete. */
function Retention() {
  const retention = useApi<RetentionStatus>('/api/settings/retention');
  return (
    <article class="card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      <Loaded state={retention}>
        {(data) =>
          data.days === 0 ? (
            <p>
              Events are kept forever (SENTINEL_RETENTION_DAYS=0); an admin can still purge them (POST
              /api/events/purge).
            </p>
          ) : (
            <dl class="facts">
              <dt>Window</dt>
              <dd>
                {formatNumber(data.days)} {data.days === 1 ? 'day' : 'days'} (events before{' '}
                {formatTime(data.cutoff)} are deleted with their findings)
              </dd>
              <dt>Runs</dt>
              <dd>every {Math.round(data.intervalSeconds / 60)} min, on one node at a time</dd>
              <dt>Last run</dt>
              <dd>
                {data.lastRun === null
                  ? 'not yet'
                  : `${formatTime(data.lastRun.ranAt)}: ${formatNumber(data.lastRun.events)} events, ${formatNumber(
                      data.lastRun.findings,
                    )} findings deleted; ${formatNumber(data.lastRun.alertsDeleted)} alerts deleted, ${formatNumber(
                      data.lastRun.alertsUpdated,
                    )} updated${data.lastRun.complete ? '' : ' (stopped at its batch limit; the rest goes next run)'}`}
              </dd>
              <dt>Due now</dt>
              <dd>{formatNumber(data.dueEvents ?? 0)} events older than the window</dd>
            </dl>
          )
        }
      </Loaded>
    </article>
  );
}

function Metrics() {
  const [totals, setTotals] = useState<Record<string, number> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    fetch('/metrics', { headers: authHeaders() })
      .then(async (response) => {
        if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}`);
        setTotals(
          metricTotals(
            await response.text(),
            METRICS.map(([name]) => name),
          ),
        );
      })
      .catch((caught: Error) => setError(caught));
  }, []);
  if (error) return <ErrorBox error={error} />;
  if (!totals) return <p class="muted">Loading…</p>;
  return (
    <dl class="facts">
      {METRICS.filter(([name]) => totals[name] !== undefined).map(([name, label]) => (
        <Fragment key={name}>
          <dt>{label}</dt>
          <dd>{formatNumber(Math.round(totals[name] ?? 0))}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ApiKeys() {
  const keys = useApi<{ items: ApiKey[] }>('/api/keys');
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  if (keys.error?.status === 403) {
    return (
      <article class="card">
        <h2>API keys</h2>
        <p class="muted">Only admins manage API keys.</p>
      </article>
    );
  }
  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await api<{ key: string; apiKey?: ApiKey }>('POST', '/api/keys', { name, role });
      setCreated({ key: result.key, name });
      setName('');
      keys.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const revoke = async (key: ApiKey) => {
    setRevoking(null);
    try {
      await api('DELETE', `/api/keys/${key.id}`);
      keys.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <article class="card">
      <h2>API keys</h2>
      <p class="muted">
        viewer reads; responder also triages alerts; admin also changes servers, rules and keys.
      </p>
      <Loaded state={keys}>
        {(data) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>{key.role}</td>
                  <td>
                    <code>{key.prefix}</code>
                  </td>
                  <td>{formatTime(key.createdAt)}</td>
                  <td>{formatTime(key.lastUsedAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      `revoked ${formatTime(key.revokedAt)}`
                    ) : (
                      <button type="button" class="small danger" onClick={() => setRevoking(key)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <form class="filters" onSubmit={create} aria-label="New API key">
        <label>
          Name
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="viewer">viewer</option>
            <option value="responder">responder</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit">Create key</button>
      </form>
      <ErrorBox error={error} />
      {created && <Snippet label={`New key "${created.name}" (shown once)`} text={created.key} />}
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          message="Anything using this key loses access at once."
          confirm="Revoke"
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </article>
  );
}
