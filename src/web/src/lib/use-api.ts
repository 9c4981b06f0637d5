import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing to load) and re-fetches when it changes or `reload` is called. */
export function useApi<T>(path: string | null, refreshMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    api<T>('GET', path)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        if (!live) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'client', String(error), [], null);
        setState({ data: null, error: apiError, loading: false });
      });
    return () => {
      live = false;
    };
  }, [path, tick]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);
  return { ...state, reload };
}
