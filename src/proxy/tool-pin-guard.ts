/** One tool as a `tools/list` result describes it. */
export interface ToolDefinition {
  readonly name: string;
  readonly description: string | null;
  readonly inputSchema: unknown;
  readonly outputSchema: unknown;
}

export type ToolPart = 'description' | 'inputSchema' | 'outputSchema';

/** A tool whose definition differs from its pin. */
export interface ToolChange {
  readonly name: string;
  readonly changed: readonly ToolPart[];
  /** Pending admin approval: while true the proxy hides the tool and blocks calls to it. */
  readonly hidden: boolean;
}

/**
 * Pins tool definitions per server (the first `tools/list` wins) and reports later changes.
 * Implemented over the store in the app layer, so every node and process shares the pins.
 */
export interface ToolPinGuard {
  review(serverId: string, tools: readonly ToolDefinition[]): Promise<readonly ToolChange[]>;
  /** Whether calls to this tool are held (answered from what the last review learned; no I/O). */
  isHidden(serverId: string, tool: string): boolean | Promise<boolean>;
}

/** The tools of a `tools/list` result; malformed entries are skipped (they are the server's problem). */
export function toolDefinitionsOf(result: unknown): ToolDefinition[] {
  const tools = (result as { tools?: unknown } | null)?.tools;
  if (!Array.isArray(tools)) return [];
  const out: ToolDefinition[] = [];
  for (const item of tools) {
    if (typeof item !== 'object' || item === null) continue;
    const tool = item as Record<string, unknown>;
    if (typeof tool['name'] !== 'string') continue;
    out.push({
      name: tool['name'],
      description: typeof tool['description'] === 'string' ? tool['description'] : null,
      inputSchema: tool['inputSchema'] ?? null,
      outputSchema: tool['outputSchema'] ?? null,
    });
  }
  return out;
}
