import { useEffect, useState } from 'preact/hooks';

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

function current(): string {
  return location.pathname + location.search;
}

/** Client-side navigation with the History API; the server answers every page path with the app. */
export function navigate(path: string, replace = false): void {
  if (path === current()) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener(current());
}

addEventListener('popstate', () => {
  for (const listener of listeners) listener(current());
});

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; params: URLSearchParams } {
  const [value, setValue] = useState(current());
  useEffect(() => {
    listeners.add(setValue);
    return () => listeners.delete(setValue);
  }, []);
  const [path = '/', search = ''] = value.split('?');
  return { path, params: new URLSearchParams(search) };
}

/** Matches `/alerts/:id` style patterns; returns the named parts or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] ?? '';
    const value = have[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
