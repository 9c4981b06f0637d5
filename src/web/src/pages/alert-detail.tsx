import { useState } from 'preact/hooks';
import { SeverityBadge, StatusBadge } from '../components/badges';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loaded } from '../components/states';
import { TransitionForm } from '../components/transition-form';
import { type ApiError, api } from '../lib/api';
import { formatTime } from '../lib/format';
import type { Alert, Finding, McpEvent } from '../lib/types';
import { useApi } from '../lib/use-api';
import { useServerNames } from '../lib/use-server-names';

interface AlertDetail {
  readonly alert: Alert;
  readonly findings: readonly Finding[];
  readonly events: readonly McpEvent[];
}

interface HistoryEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly kind: 'status' | 'assign' | 'comment';
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly reason: string | null;
  readonly assignee: string | null;
  readonly text: string | null;
}

/** One alert: evidence, related events, its timeline and comments, and the triage actions. */
export function AlertDetailPage({ id }: { id: string }) {
  const path = `/api/alerts/${encodeURIComponent(id)}`;
  const detail = useApi<AlertDetail>(path);
  const names = useServerNames();
  const history = useApi<{ items: HistoryEntry[] } | HistoryEntry[]>(`${path}/history`);
  const reload = () => {
    detail.reload();
    history.reload();
  };
  return (
    <section>
      <Loaded state={detail}>
        {(data) => (
          <>
            <div class="page-head">
              <h1>{data.alert.title}</h1>
              <SeverityBadge severity={data.alert.severity} />
              <StatusBadge status={data.alert.status} />
            </div>
            <dl class="facts">
              <dt>Rule</dt>
              <dd>
                <Link href={`/rules/${encodeURIComponent(data.alert.ruleId)}`}>{data.alert.ruleId}</Link>
              </dd>
              <dt>Server</dt>
              <dd>
                <Link href={`/servers/${data.alert.serverId}`}>
                  {names.get(data.alert.serverId) ?? data.alert.serverId}
                </Link>
              </dd>
              <dt>User</dt>
              <dd>{data.alert.user ?? '—'}</dd>
              <dt>Findings</dt>
              <dd>{data.alert.findingCount}</dd>
              <dt>First seen</dt>
              <dd>{formatTime(data.alert.firstSeen)}</dd>
              <dt>Last seen</dt>
              <dd>{formatTime(data.alert.lastSeen)}</dd>
              <dt>Assignee</dt>
              <dd>{data.alert.assignee ?? 'nobody'}</dd>
              {data.alert.reason && (
                <>
                  <dt>Reason</dt>
                  <dd>{data.alert.reason.replace('_', ' ')}</dd>
                </>
              )}
            </dl>
            <div class="two-col">
              <div>
                <h2>Triage</h2>
                <TransitionForm
                  idPrefix="alert"
                  submitLabel="Change status"
                  onSubmit={async (transition) => {
                    await api('POST', `${path}/transition`, transition);
                    reload();
                  }}
                />
                <AssignForm path={path} current={data.alert.assignee ?? null} onDone={reload} />
                <CommentForm path={path} onDone={reload} />
              </div>
              <div>
                <h2>Timeline</h2>
                <Timeline alert={data.alert} state={history} />
              </div>
            </div>
            <h2>Evidence</h2>
            {data.findings.length === 0 ? (
              <Empty>No findings stored for this alert.</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Field</th>
                    <th scope="col">Evidence</th>
                    <th scope="col">Event</th>
                  </tr>
                </thead>
                <tbody>
                  {data.findings.map((finding, i) => (
                    <tr key={finding.id ?? i}>
                      <td>{formatTime(finding.timestamp)}</td>
                      <td>
                        <code>{finding.field}</code>
                      </td>
                      <td>
                        <code class="evidence">{finding.evidence}</code>
                      </td>
                      <td>{finding.eventId && <Link href={`/events/${finding.eventId}`}>open</Link>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Related events</h2>
            {data.events.length === 0 ? (
              <Empty>No events.</Empty>
            ) : (
              <ul class="plain">
                {data.events.map((event) => (
                  <li key={event.id}>
                    <Link href={`/events/${event.id}`}>{formatTime(event.timestamp)}</Link>{' '}
                    <span class="muted">
                      {event.user ?? '—'} · {event.tool ?? '—'} · {event.method ?? '—'}
                    </span>{' '}
                    <span class="truncate">{event.prompt ?? ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Timeline(props: {
  alert: Alert;
  state: {
    data: { items: HistoryEntry[] } | HistoryEntry[] | null;
    error: ApiError | null;
    loading: boolean;
  };
}) {
  if (props.state.error && !props.state.error.missingRoute) return <ErrorBox error={props.state.error} />;
  const data = props.state.data;
  const entries = data === null ? [] : Array.isArray(data) ? data : data.items;
  return (
    <ol class="timeline">
      <li>
        <time>{formatTime(props.alert.createdAt)}</time> Alert opened
      </li>
      {entries.map((entry) => (
        <li key={entry.id} class={`kind-${entry.kind}`}>
          <time>{formatTime(entry.at)}</time> <strong>{entry.actor}</strong>{' '}
          {entry.kind === 'status' && (
            <>
              moved it from {entry.fromStatus?.replace('_', ' ')} to {entry.toStatus?.replace('_', ' ')}
              {entry.reason ? ` (${entry.reason.replace('_', ' ')})` : ''}
            </>
          )}
          {entry.kind === 'assign' && (entry.assignee ? `assigned it to ${entry.assignee}` : 'unassigned it')}
          {entry.kind === 'comment' && 'commented'}
          {entry.text && <blockquote class="comment">{entry.text}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

function AssignForm({ path, current, onDone }: { path: string; current: string | null; onDone: () => void }) {
  const [assignee, setAssignee] = useState(current ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `${path}/assign`, { assignee: assignee.trim() === '' ? null : assignee.trim() });
      onDone();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <form class="form inline-form" onSubmit={submit}>
      <label for="assignee">Assignee (empty to unassign)</label>
      <input
        id="assignee"
        value={assignee}
        maxLength={200}
        onInput={(e) => setAssignee(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      <button type="submit">Assign</button>
    </form>
  );
}

function CommentForm({ path, onDone }: { path: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `${path}/comments`, { text });
      setText('');
      onDone();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <form class="form inline-form" onSubmit={submit}>
      <label for="comment">Comment</label>
      <textarea
        id="comment"
        rows={3}
        maxLength={1000}
        required
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      <button type="submit">Add comment</button>
    </form>
  );
}
