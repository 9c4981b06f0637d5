import { SeverityBadge } from '../components/badges';
import { HighlightedText, type Span } from '../components/highlighted-text';
import { Link } from '../components/link';
import { Empty, Loaded } from '../components/states';
import { eventFields } from '../lib/event-fields';
import { asText, formatTime } from '../lib/format';
import type { Finding, McpEvent, Page } from '../lib/types';
import { useApi } from '../lib/use-api';
import { useServerNames } from '../lib/use-server-names';

/** One event: its identity, every captured string with the findings marked where they matched. */
export function EventDetailPage({ id }: { id: string }) {
  const event = useApi<McpEvent>(`/api/events/${encodeURIComponent(id)}`);
  const findings = useApi<Page<Finding>>(`/api/findings?event=${encodeURIComponent(id)}&limit=500`);
  return (
    <section>
      <h1>Event</h1>
      <Loaded state={event}>
        {(data) => <EventView event={data} findings={findings.data?.items ?? []} />}
      </Loaded>
    </section>
  );
}

export function EventView({ event, findings }: { event: McpEvent; findings: readonly Finding[] }) {
  const fields = eventFields(event);
  const names = useServerNames();
  const spansFor = (path: string): Span[] =>
    findings
      .filter((finding) => finding.field === path)
      .map((finding) => ({
        start: finding.start,
        end: finding.end,
        label: `${finding.title} (${finding.severity})`,
        severity: finding.severity,
      }));
  const placed = new Set(fields.map((field) => field.path));
  const elsewhere = findings.filter((finding) => !placed.has(finding.field));
  return (
    <>
      <dl class="facts">
        <dt>Time</dt>
        <dd>{formatTime(event.timestamp)}</dd>
        <dt>Server</dt>
        <dd>
          <Link href={`/servers/${event.serverId}`}>{names.get(event.serverId) ?? event.serverId}</Link>
        </dd>
        <dt>User</dt>
        <dd>{event.user ?? '—'}</dd>
        <dt>Agent</dt>
        <dd>{event.agent ?? '—'}</dd>
        <dt>Client</dt>
        <dd>{event.client ?? '—'}</dd>
        <dt>Tool</dt>
        <dd>{event.tool ?? '—'}</dd>
        <dt>Method</dt>
        <dd>{event.method ?? '—'}</dd>
        <dt>Session</dt>
        <dd>{event.sessionId ?? '—'}</dd>
        <dt>Source</dt>
        <dd>{event.source}</dd>
      </dl>
      <h2>Findings ({findings.length})</h2>
      {findings.length === 0 ? (
        <Empty>No rule matched this event.</Empty>
      ) : (
        <ul class="plain findings">
          {findings.map((finding, i) => (
            <li key={finding.id ?? i}>
              <SeverityBadge severity={finding.severity} /> {finding.title} <code>{finding.field}</code>{' '}
              <span class="muted">
                {finding.ruleId} · {finding.action}
              </span>
              {finding.alertId && (
                <>
                  {' '}
                  · <Link href={`/alerts/${finding.alertId}`}>alert</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Captured fields</h2>
      {fields.length === 0 && <Empty>No text captured.</Empty>}
      {fields.map((field) => (
        <div class="field" key={field.path}>
          <h3>
            <code>{field.path}</code>
          </h3>
          <HighlightedText text={field.value} spans={spansFor(field.path)} />
        </div>
      ))}
      {elsewhere.map((finding, i) => (
        <div class="field" key={`e${i}`}>
          <h3>
            <code>{finding.field}</code> (evidence)
          </h3>
          <pre class="captured">{asText(finding.evidence)}</pre>
        </div>
      ))}
    </>
  );
}
