import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/states';
import { ApiError, api } from '../lib/api';

/** Sign in with a Sentinel API key: checked against the API before it is kept for the session. */
export function SignIn({ onSignedIn }: { onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('GET', '/api/servers', undefined, key.trim());
      onSignedIn(key.trim());
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? new ApiError(
              401,
              'unauthorized',
              'That key was not accepted: check it, or ask an admin for one.',
              [],
              null,
            )
          : (caught as ApiError),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="main">
      <form onSubmit={submit} class="card">
        <h1>
          <img src="/favicon.svg" alt="" width={28} height={28} /> MCP Sentinel
        </h1>
        <p class="muted">Sign in with a Sentinel API key. It is kept only for this browser tab.</p>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <ErrorBox error={error} />
        <button type="submit" class="primary" disabled={busy || key.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
