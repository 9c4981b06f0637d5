import { useState } from 'preact/hooks';
import { ConnectionGuide } from '../components/connection-guide';
import { ConfirmDialog } from '../components/dialog';
import { Link } from '../components/link';
import { ErrorBox, Loaded } from '../components/states';
import { type ApiError, api } from '../lib/api';
import { formatTime } from '../lib/format';
import { navigate } from '../lib/router';
import type { Server, ServerWithCredentials } from '../lib/types';
import { useApi } from '../lib/use-api';
import { authSummary } from './servers';

/** One server: its settings, edit, rotate credentials, delete. */
export function ServerDetailPage({ id }: { id: string }) {
  const server = useApi<Server>(`/api/servers/${encodeURIComponent(id)}`);
  const [rotated, setRotated] = useState<ServerWithCredentials | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const rotate = async (current: Server) => {
    setError(null);
    try {
      setRotated(
        await api<ServerWithCredentials>('POST', `/api/servers/${id}/credentials/rotate`, {
          apiKey: current.auth.apiKey,
          hmacSecret: current.auth.hmac,
        }),
      );
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      await api('DELETE', `/api/servers/${id}`);
      navigate('/servers');
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <section>
      <Loaded state={server}>
        {(data) => (
          <>
            <div class="page-head">
              <h1>{data.name}</h1>
              <Link href={`/events?server=${data.id}`} class="button">
                Events of this server
              </Link>
            </div>
            {rotated ? (
              <ConnectionGuide created={rotated} />
            ) : (
              <>
                <dl class="facts">
                  <dt>Type</dt>
                  <dd>{data.type}</dd>
                  <dt>Endpoint</dt>
                  <dd>{data.endpointUrl ?? '—'}</dd>
                  <dt>Authentication</dt>
                  <dd>
                    {authSummary(data)}
                    {data.auth.apiKeyPrefix ? ` (key ${data.auth.apiKeyPrefix}…)` : ''}
                  </dd>
                  <dt>Webhook</dt>
                  <dd>
                    <code>{`${location.origin}/api/mcp/webhook/${data.id}`}</code>
                  </dd>
                  <dt>Created</dt>
                  <dd>{formatTime(data.createdAt)}</dd>
                </dl>
                <EditServer server={data} onSaved={server.reload} />
                <div class="actions">
                  {(data.auth.apiKey || data.auth.hmac) && (
                    <button type="button" onClick={() => rotate(data)}>
                      Rotate credentials
                    </button>
                  )}
                  <button type="button" class="danger" onClick={() => setConfirming(true)}>
                    Delete server
                  </button>
                </div>
              </>
            )}
            <ErrorBox error={error} />
            {confirming && (
              <ConfirmDialog
                title={`Delete ${data.name}?`}
                message="Its webhook stops accepting events at once. Stored events stay searchable."
                confirm="Delete"
                onConfirm={remove}
                onClose={() => setConfirming(false)}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function EditServer({ server, onSaved }: { server: Server; onSaved: () => void }) {
  const [name, setName] = useState(server.name);
  const [description, setDescription] = useState(server.description ?? '');
  const [endpoint, setEndpoint] = useState(server.endpointUrl ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api('PATCH', `/api/servers/${server.id}`, {
        name,
        description: description.trim() === '' ? null : description,
        endpointUrl: endpoint.trim() === '' ? null : endpoint.trim(),
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <form class="form card" onSubmit={save}>
      <h2>Edit</h2>
      <label for="edit-name">Name</label>
      <input id="edit-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="edit-endpoint">Endpoint</label>
      <input id="edit-endpoint" value={endpoint} onInput={(e) => setEndpoint(e.currentTarget.value)} />
      <label for="edit-description">Description</label>
      <textarea
        id="edit-description"
        rows={2}
        value={description}
        onInput={(e) => setDescription(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit">Save</button>
        <span role="status">{saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}
