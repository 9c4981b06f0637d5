import type { AccessPath } from '../store/index.js';

export type AccessNodeKind = 'user' | 'agent' | 'server' | 'tool' | 'resource';

export interface AccessNode {
  /** `kind:value`; tools are per server (`tool:<serverId>/<name>`). */
  readonly id: string;
  readonly kind: AccessNodeKind;
  readonly label: string;
  /** Events through this node. */
  readonly count: number;
}

export interface AccessEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

export interface AccessGraph {
  readonly nodes: readonly AccessNode[];
  readonly edges: readonly AccessEdge[];
  /** True when only the most taken paths are shown. */
  readonly truncated: boolean;
}

/** Argument and metadata keys whose values name what a call touched (a file, a URL, a table). */
export const RESOURCE_KEYS = [
  'path',
  'file_path',
  'filepath',
  'filename',
  'file',
  'directory',
  'uri',
  'url',
  'table',
  'table_name',
  'database',
  'resource',
  'source',
  'destination',
] as const;

const UNKNOWN = '(unknown)';

/** Folds access paths into the graph user -> agent -> server -> tool -> resource, counting events. */
export function buildAccessGraph(
  paths: readonly AccessPath[],
  serverNames: ReadonlyMap<string, string>,
  truncated: boolean,
): AccessGraph {
  const nodes = new Map<string, { id: string; kind: AccessNodeKind; label: string; count: number }>();
  const edges = new Map<string, { from: string; to: string; count: number }>();
  const node = (kind: AccessNodeKind, key: string, label: string, count: number) => {
    const id = `${kind}:${key}`;
    const existing = nodes.get(id);
    if (existing) existing.count += count;
    else nodes.set(id, { id, kind, label, count });
    return id;
  };
  const edge = (from: string, to: string, count: number) => {
    const key = `${from}\u0000${to}`;
    const existing = edges.get(key);
    if (existing) existing.count += count;
    else edges.set(key, { from, to, count });
  };
  for (const path of paths) {
    const chain = [
      node('user', path.user ?? UNKNOWN, path.user ?? UNKNOWN, path.count),
      node('agent', path.agent ?? UNKNOWN, path.agent ?? UNKNOWN, path.count),
      node('server', path.serverId, serverNames.get(path.serverId) ?? '(deleted server)', path.count),
    ];
    if (path.tool !== null) {
      chain.push(node('tool', `${path.serverId}/${path.tool}`, path.tool, path.count));
      if (path.resource !== null) chain.push(node('resource', path.resource, path.resource, path.count));
    }
    for (let i = 1; i < chain.length; i++) edge(chain[i - 1] as string, chain[i] as string, path.count);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
