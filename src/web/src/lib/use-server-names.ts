import type { Server } from './types';
import { useApi } from './use-api';

/** Server id to name, for showing names where the API gives ids. */
export function useServerNames(): Map<string, string> {
  const servers = useApi<{ items: Server[] }>('/api/servers');
  return new Map((servers.data?.items ?? []).map((server) => [server.id, server.name]));
}
