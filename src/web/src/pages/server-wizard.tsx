import { useState } from 'preact/hooks';
import { ConnectionGuide } from '../components/connection-guide';
import { ErrorBox } from '../components/states';
import { type ApiError, api } from '../lib/api';
import type { ServerWithCredentials } from '../lib/types';

const TYPES = [
  ['filesystem', 'Filesystem'],
  ['database', 'Database'],
  ['web_api', 'Web API'],
  ['other', 'Other'],
] as const;

const AUTH = [
  ['apiKey', 'API key (Bearer header)'],
  ['hmac', 'HMAC signature'],
  ['both', 'API key and HMAC signature'],
  ['ip', 'IP allowlist only'],
] as const;

type AuthChoice = (typeof AUTH)[number][0];

/** Add New Server: name, type, endpoint and authentication, then how to connect it. */
export function ServerWizardPage() {
  const [name, setName] = useState('');
  const [type, setType] = useState('filesystem');
  const [endpoint, setEndpoint] = useState('');
  const [auth, setAuth] = useState<AuthChoice>('apiKey');
  const [allowlist, setAllowlist] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<ServerWithCredentials | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const ips = allowlist
      .split(/[\s,]+/)
      .map((part) => part.trim())
      .filter(Boolean);
    try {
      setCreated(
        await api<ServerWithCredentials>('POST', '/api/servers', {
          name,
          type,
          ...(endpoint.trim() ? { endpointUrl: endpoint.trim() } : {}),
          auth: {
            apiKey: auth === 'apiKey' || auth === 'both',
            hmac: auth === 'hmac' || auth === 'both',
            ipAllowlist: ips,
          },
        }),
      );
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  if (created) {
    return (
      <section>
        <h1>Connect {created.server.name}</h1>
        <ConnectionGuide created={created} />
      </section>
    );
  }
  const detailFor = (path: string) => error?.details.find((detail) => detail.path?.startsWith(path))?.message;
  return (
    <section>
      <h1>Add New Server</h1>
      <form class="form card" onSubmit={submit}>
        <label for="server-name">Name</label>
        <input
          id="server-name"
          required
          maxLength={200}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={detailFor('name') ? true : undefined}
        />
        <label for="server-type">Type</label>
        <select id="server-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          {TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for="server-endpoint">Endpoint (optional)</label>
        <input
          id="server-endpoint"
          placeholder="https://mcp.example.com/mcp or stdio:npx -y @modelcontextprotocol/server-filesystem /data"
          value={endpoint}
          onInput={(e) => setEndpoint(e.currentTarget.value)}
          aria-describedby="endpoint-help"
        />
        <small id="endpoint-help" class="muted">
          {detailFor('endpointUrl') ??
            'An http(s), ws(s) or stdio: URL; a stdio command fills in the proxy lines.'}
        </small>
        <fieldset>
          <legend>Webhook authentication</legend>
          {AUTH.map(([value, label]) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="auth"
                value={value}
                checked={auth === value}
                onChange={() => setAuth(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label for="server-allowlist">IP allowlist (CIDRs, optional)</label>
        <input
          id="server-allowlist"
          placeholder="10.0.0.0/8, 2001:db8::/32"
          value={allowlist}
          onInput={(e) => setAllowlist(e.currentTarget.value)}
        />
        <ErrorBox error={error} />
        <div class="actions">
          <button type="submit" class="primary">
            Create server
          </button>
        </div>
      </form>
    </section>
  );
}
