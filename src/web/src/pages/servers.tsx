import { Link } from '../components/link';
import { Empty, Loaded } from '../components/states';
import { query } from '../lib/api';
import { timeAgo } from '../lib/format';
import type { Alert, McpEvent, Page, Server } from '../lib/types';
import { useApi } from '../lib/use-api';

/** My Servers: every registered server with its last event and its event and alert counts. */
export function ServersPage() {
  const servers = useApi<{ items: Server[] }>('/api/servers');
  return (
    <section>
      <div class="page-head">
        <h1>My Servers</h1>
        <Link href="/servers/new" class="button primary">
          Add New Server
        </Link>
      </div>
      <Loaded state={servers}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No servers yet. Add one to start receiving its events.</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Authentication</th>
                  <th scope="col">Last event</th>
                  <th scope="col">Events</th>
                  <th scope="col">Alerts</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((server) => (
                  <ServerRow key={server.id} server={server} />
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

/** Counts show "500+" past one page: an exact count would need a counting endpoint. */
function ServerRow({ server }: { server: Server }) {
  const events = useApi<Page<McpEvent>>(`/api/events${query({ server: server.id, limit: 500 })}`);
  const alerts = useApi<Page<Alert>>(`/api/alerts${query({ server: server.id, limit: 500 })}`);
  const count = (page: Page<unknown> | null) =>
    page === null ? '…' : `${page.items.length}${page.nextCursor ? '+' : ''}`;
  const last = events.data?.items[0]?.timestamp ?? null;
  return (
    <tr>
      <td>
        <Link href={`/servers/${server.id}`}>{server.name}</Link>
      </td>
      <td>{server.type}</td>
      <td>{authSummary(server)}</td>
      <td>{events.data ? timeAgo(last) : '…'}</td>
      <td>{count(events.data)}</td>
      <td>{count(alerts.data)}</td>
    </tr>
  );
}

export function authSummary(server: Server): string {
  const parts = [
    server.auth.apiKey ? 'API key' : null,
    server.auth.hmac ? 'HMAC' : null,
    server.auth.ipAllowlist.length > 0 ? 'IP allowlist' : null,
    server.auth.allowUnauthenticated ? 'open' : null,
  ].filter(Boolean);
  return parts.join(' + ') || 'none';
}
