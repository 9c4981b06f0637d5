import type { ComponentChildren } from 'preact';
import type { ApiError } from '../lib/api';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="muted" role="status">
      {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** An API error in words, with the field-level details the server gave. */
export function ErrorBox({ error }: { error: ApiError | Error | null }) {
  if (error === null) return null;
  const missing = 'missingRoute' in error && error.missingRoute;
  const details = 'details' in error ? error.details : [];
  return (
    <div class="error" role="alert">
      <p>{missing ? 'This Sentinel version does not offer this yet.' : error.message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path ? <code>{detail.path}</code> : null} {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Loading, error or content: the three states every data view has. */
export function Loaded<T>(props: {
  state: { data: T | null; error: ApiError | null; loading: boolean };
  children: (data: T) => ComponentChildren;
}) {
  const { data, error, loading } = props.state;
  if (error) return <ErrorBox error={error} />;
  if (data === null) return loading ? <Loading /> : null;
  return <>{props.children(data)}</>;
}
