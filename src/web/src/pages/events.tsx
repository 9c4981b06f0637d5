import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loading } from '../components/states';
import { type ApiError, api, query } from '../lib/api';
import { openEventStream } from '../lib/event-stream';
import { formatTime } from '../lib/format';
import { navigate } from '../lib/router';
import type { ListedEvent, Page, Server } from '../lib/types';
import { useApi } from '../lib/use-api';

const FILTERS = ['server', 'user', 'agent', 'tool', 'method', 'q', 'findings'] as const;
/** The live tail filters on these only; it cannot tell yet whether an event has findings. */
const TAIL_FILTERS = ['server', 'user', 'agent', 'tool', 'method', 'q'] as const;
const KEEP = 500;

function filtersOf(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
}

/** Events: newest first, with a live tail that adds what arrives (from any node). */
export function EventsPage({ params }: { params: URLSearchParams }) {
  const filters = filtersOf(params);
  const search = query(filters);
  const findingsOnly = filters.findings === 'true';
  const tailSearch = query(
    Object.fromEntries(TAIL_FILTERS.flatMap((name) => (filters[name] ? [[name, filters[name]]] : []))),
  );
  const servers = useApi<{ items: Server[] }>('/api/servers');
  const [events, setEvents] = useState<ListedEvent[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [live, setLive] = useState(true);
  const [status, setStatus] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  useEffect(() => {
    setEvents(null);
    setError(null);
    api<Page<ListedEvent>>('GET', `/api/events${query({ ...filters, limit: 50 })}`)
      .then((page) => {
        setEvents([...page.items]);
        setCursor(page.nextCursor);
      })
      .catch((caught: ApiError) => setError(caught));
  }, [search]);
  useEffect(() => {
    if (!live) {
      setStatus('Paused');
      return;
    }
    return openEventStream<ListedEvent>(`/api/events/stream${tailSearch}`, {
      onEvent: (event) =>
        setEvents((current) => {
          // A tailed event carries no finding summary: with "with findings only" it waits for a reload.
          if (findingsOnly) return current;
          const list = current ?? [];
          if (list.some((item) => item.id === event.id)) return list;
          return [event, ...list].slice(0, KEEP);
        }),
      onStatus: (value, message) =>
        setStatus(
          value === 'live' ? 'Live' : value === 'connecting' ? 'Connecting…' : `Reconnecting (${message})`,
        ),
    });
  }, [search, live]);
  const more = async () => {
    if (!cursor) return;
    const page = await api<Page<ListedEvent>>(
      'GET',
      `/api/events${query({ ...filters, limit: 50, cursor })}`,
    );
    setEvents((current) => [...(current ?? []), ...page.items]);
    setCursor(page.nextCursor);
  };
  const names = new Map((servers.data?.items ?? []).map((server) => [server.id, server.name]));
  return (
    <section>
      <div class="page-head">
        <h1>Events</h1>
        <span class={`live-status ${live ? 'on' : ''}`} role="status" aria-live="polite">
          {status}
        </span>
        <button type="button" onClick={() => setLive(!live)} aria-pressed={!live}>
          {live ? 'Pause live tail' : 'Resume live tail'}
        </button>
      </div>
      <EventFilters filters={filters} servers={servers.data?.items ?? []} />
      <ErrorBox error={error} />
      {events === null ? (
        error ? null : (
          <Loading />
        )
      ) : events.length === 0 ? (
        <Empty>No events match. New ones appear here as they arrive.</Empty>
      ) : (
        <table class="events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Findings</th>
              <th scope="col">Server</th>
              <th scope="col">User</th>
              <th scope="col">Tool</th>
              <th scope="col">Method</th>
              <th scope="col">Prompt</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <Link href={`/events/${event.id}`}>{formatTime(event.timestamp)}</Link>
                </td>
                <td>
                  <FindingBadge event={event} />
                </td>
                <td>{names.get(event.serverId) ?? event.serverId.slice(0, 8)}</td>
                <td>{event.user ?? '—'}</td>
                <td>{event.tool ?? '—'}</td>
                <td>{event.method ?? '—'}</td>
                <td class="truncate">{event.prompt ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={more}>
          Load older events
        </button>
      )}
    </section>
  );
}

/** The event's finding count, coloured by its most severe finding; nothing for a clean or tailed event. */
function FindingBadge({ event }: { event: ListedEvent }) {
  if (!event.findingCount) return null;
  const severity = event.maxSeverity ?? 'informational';
  const noun = event.findingCount === 1 ? 'finding' : 'findings';
  return (
    <span class={`badge sev-${severity}`} title={`${event.findingCount} ${noun}, worst ${severity}`}>
      {event.findingCount}
      <span class="visually-hidden"> {noun}, worst</span> {severity}
    </span>
  );
}

function EventFilters({ filters, servers }: { filters: Record<string, string>; servers: readonly Server[] }) {
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(FILTERS.map((name) => [name, String(form.get(name) ?? '').trim()]));
    navigate(`/events${query(next)}`);
  };
  return (
    <form class="filters" onSubmit={apply} aria-label="Event filters">
      <label>
        Server
        <select aria-label="Server" name="server" value={filters.server ?? ''}>
          <option value="">All</option>
          {servers.map((server) => (
            <option key={server.id} value={server.id}>
              {server.name}
            </option>
          ))}
        </select>
      </label>
      {(['user', 'agent', 'tool', 'method'] as const).map((name) => (
        <label key={name}>
          {name[0]!.toUpperCase() + name.slice(1)}
          <input name={name} value={filters[name] ?? ''} />
        </label>
      ))}
      <label>
        Text
        <input name="q" type="search" value={filters.q ?? ''} />
      </label>
      <label class="inline">
        <input
          name="findings"
          type="checkbox"
          value="true"
          checked={filters.findings === 'true'}
          // Applies at once: a re-render (a tailed event) would otherwise reset an unsubmitted tick.
          onChange={(event) =>
            navigate(`/events${query({ ...filters, findings: event.currentTarget.checked ? 'true' : '' })}`)
          }
        />
        With findings only
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
