const KEY = 'mcp-sentinel.api-key';

/** The API key lives in sessionStorage: gone when the tab closes, never in a cookie or a URL. */
export function storedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}
