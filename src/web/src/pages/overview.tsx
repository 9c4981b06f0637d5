import { SeverityBadge } from '../components/badges';
import { BarChart, type ChartData, LineChart, TopList } from '../components/charts';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loading } from '../components/states';
import { formatTime, SEVERITIES } from '../lib/format';
import type { Alert, McpEvent, Page } from '../lib/types';
import { useApi } from '../lib/use-api';

interface Posture {
  readonly rating: {
    readonly score: number;
    readonly grade: string;
    readonly components: readonly { name: string; score: number; weight: number; detail: string }[];
  };
  readonly trend: readonly { day: string; score: number }[];
  readonly alertsBySeverity: Record<string, number> | readonly { severity: string; count: number }[];
  readonly riskiestServers: readonly Named[];
  readonly riskiestUsers: readonly Named[];
  readonly riskiestTools: readonly Named[];
  readonly detectionTrend: readonly { day: string; findings: number; alerts: number }[];
  readonly latestCritical: readonly Alert[];
}

type Named = Record<string, unknown> & { count?: number };

const REFRESH_MS = 15_000;

function bySeverity(value: Posture['alertsBySeverity']): Record<string, number> {
  if (Array.isArray(value)) return Object.fromEntries(value.map((item) => [item.severity, item.count]));
  return value as Record<string, number>;
}

/** Risk entries: `label` and `findings` (weighted `risk` orders them on the server). */
function named(items: readonly Named[]): { name: string; count: number }[] {
  return items.map((item) => ({
    name: String(item.label ?? item.name ?? item.key ?? '?'),
    count: Number(item.findings ?? item.count ?? 0),
  }));
}

/** Overview: the security rating, open alerts by severity, trends, riskiest things, latest critical alerts. */
export function OverviewPage() {
  const posture = useApi<Posture>('/api/posture', REFRESH_MS);
  return (
    <section>
      <h1>Overview</h1>
      {posture.data ? (
        <PostureView posture={posture.data} />
      ) : posture.error?.missingRoute ? (
        <BasicOverview />
      ) : posture.error ? (
        <ErrorBox error={posture.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function SeverityCounts({ counts }: { counts: Record<string, number> }) {
  return (
    <ul class="stat-row" aria-label="Open alerts by severity">
      {[...SEVERITIES].reverse().map((severity) => (
        <li key={severity} class={`stat sev-border-${severity}`}>
          <Link href={`/alerts?severity=${severity}`}>
            <strong>{counts[severity] ?? 0}</strong> <SeverityBadge severity={severity} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

function PostureView({ posture }: { posture: Posture }) {
  const trend: ChartData = {
    labels: posture.detectionTrend.map((point) => point.day.slice(5, 10)),
    series: [
      { name: 'findings', values: posture.detectionTrend.map((point) => point.findings) },
      { name: 'alerts', values: posture.detectionTrend.map((point) => point.alerts) },
    ],
  };
  const rating: ChartData = {
    labels: posture.trend.map((point) => point.day.slice(5, 10)),
    series: [{ name: 'score', values: posture.trend.map((point) => point.score) }],
  };
  return (
    <div class="grid">
      <article class="card rating">
        <h2>Security rating</h2>
        <p class={`grade grade-${posture.rating.grade}`}>
          <strong>{posture.rating.grade}</strong> <span>{Math.round(posture.rating.score)} / 100</span>
        </p>
        <ul class="plain">
          {posture.rating.components.map((component) => (
            <li key={component.name}>
              {component.name}: {Math.round(component.score)} <span class="muted">({component.detail})</span>
            </li>
          ))}
        </ul>
        {rating.labels.length > 1 && <LineChart data={rating} title="Security rating trend" />}
      </article>
      <article class="card">
        <h2>Open alerts</h2>
        <SeverityCounts counts={bySeverity(posture.alertsBySeverity)} />
      </article>
      <article class="card">
        <h2>Latest critical alerts</h2>
        <AlertList alerts={posture.latestCritical} />
      </article>
      <article class="card wide">
        <h2>Events and findings, last 24 hours</h2>
        <EventsPerHour />
      </article>
      <article class="card wide">
        <h2>Findings and alerts per day</h2>
        <BarChart data={trend} title="Findings and alerts per day" />
      </article>
      <article class="card">
        <h2>Riskiest servers</h2>
        <TopList items={named(posture.riskiestServers)} label="Riskiest servers" />
      </article>
      <article class="card">
        <h2>Riskiest users</h2>
        <TopList items={named(posture.riskiestUsers)} label="Riskiest users" />
      </article>
      <article class="card">
        <h2>Riskiest tools</h2>
        <TopList items={named(posture.riskiestTools)} label="Riskiest tools" />
      </article>
    </div>
  );
}

interface EventStatistics {
  readonly totals: { readonly events: number; readonly errors: number; readonly findings: number };
  readonly buckets: readonly { start: string; events: number; errors: number; findings: number }[];
}

function EventsPerHour() {
  const stats = useApi<EventStatistics>('/api/events/statistics?bucket=hour', REFRESH_MS);
  if (stats.error) return stats.error.missingRoute ? null : <ErrorBox error={stats.error} />;
  if (!stats.data) return <Loading />;
  const { buckets, totals } = stats.data;
  const data: ChartData = {
    labels: buckets.map((bucket) => `${new Date(bucket.start).getHours()}h`),
    series: [
      { name: 'events', values: buckets.map((bucket) => bucket.events) },
      { name: 'findings', values: buckets.map((bucket) => bucket.findings) },
    ],
  };
  return (
    <>
      <p class="muted">
        {totals.events} events, {totals.findings} findings, {totals.errors} tool errors
      </p>
      <LineChart data={data} title="Events and findings per hour" />
    </>
  );
}

function AlertList({ alerts }: { alerts: readonly Alert[] }) {
  if (alerts.length === 0) return <Empty>No critical alerts.</Empty>;
  return (
    <ul class="plain">
      {alerts.map((alert) => (
        <li key={alert.id}>
          <SeverityBadge severity={alert.severity} /> <Link href={`/alerts/${alert.id}`}>{alert.title}</Link>{' '}
          <span class="muted">
            {alert.user ?? 'unknown user'} · {formatTime(alert.lastSeen)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = key(item);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
}

/** Without the posture endpoint: the same picture from the newest alerts and events. */
function BasicOverview() {
  const alerts = useApi<Page<Alert>>('/api/alerts?status=new&limit=500', REFRESH_MS);
  const events = useApi<Page<McpEvent>>('/api/events?limit=500', REFRESH_MS);
  if (alerts.error) return <ErrorBox error={alerts.error} />;
  if (!alerts.data || !events.data) return <Loading />;
  const open = alerts.data.items;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, open.filter((a) => a.severity === s).length]));
  const hours = new Map<string, number>();
  for (const event of [...events.data.items].reverse()) {
    const hour = event.timestamp.slice(0, 13);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  const timeline: ChartData = {
    labels: [...hours.keys()].map((hour) => `${hour.slice(5, 10)} ${hour.slice(11)}h`),
    series: [{ name: 'events', values: [...hours.values()] }],
  };
  return (
    <div class="grid">
      <article class="card">
        <h2>Open alerts</h2>
        <SeverityCounts counts={counts} />
      </article>
      <article class="card wide">
        <h2>Events over time</h2>
        {timeline.labels.length === 0 ? (
          <Empty>No events yet: add a server and send one.</Empty>
        ) : (
          <BarChart data={timeline} title="Events per hour" />
        )}
      </article>
      <article class="card">
        <h2>Riskiest users</h2>
        <TopList items={countBy(open, (a) => a.user)} label="Riskiest users" />
      </article>
      <article class="card">
        <h2>Riskiest tools</h2>
        <TopList items={countBy(events.data.items, (e) => e.tool)} label="Busiest tools" />
      </article>
      <article class="card wide">
        <h2>Latest critical alerts</h2>
        <AlertList alerts={open.filter((a) => a.severity === 'critical').slice(0, 10)} />
      </article>
    </div>
  );
}
