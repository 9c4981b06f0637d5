/** Hashes of one tool definition's parts (sha256 hex; a missing part hashes as null). */
export interface ToolDefinitionHashes {
  readonly definitionHash: string;
  readonly descriptionHash: string | null;
  readonly inputSchemaHash: string | null;
  readonly outputSchemaHash: string | null;
}

/** A tool definition as a server listed it, with its hashes. */
export interface ObservedToolDefinition extends ToolDefinitionHashes {
  readonly tool: string;
  readonly definition: Record<string, unknown>;
}

export type ToolDefinitionStatus = 'pinned' | 'changed';

/** A server's tool as pinned, and the differing definition waiting for approval if any. */
export interface ToolDefinitionRecord extends ToolDefinitionHashes {
  readonly serverId: string;
  readonly tool: string;
  readonly definition: Record<string, unknown>;
  readonly status: ToolDefinitionStatus;
  /** The differing definition waiting for approval, with the parts that differ from the pin. */
  readonly changed: {
    readonly definitionHash: string;
    readonly definition: Record<string, unknown>;
    readonly parts: readonly string[];
  } | null;
  readonly changedAt: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
}

export interface ToolDefinitionRepository {
  /**
   * Pins tools never seen (insert-first, so concurrent nodes agree on the first), marks tools
   * whose definition differs from the pin as changed (or back to pinned when they match again),
   * and returns the records after that, one per observed tool.
   */
  observe(
    serverId: string,
    tools: readonly ObservedToolDefinition[],
    at: string,
  ): Promise<ToolDefinitionRecord[]>;
  list(serverId: string): Promise<ToolDefinitionRecord[]>;
  find(serverId: string, tool: string): Promise<ToolDefinitionRecord | null>;
  /** Makes the changed definition the pin; false when the tool is unknown or not changed. */
  approve(serverId: string, tool: string, by: string, at: string): Promise<boolean>;
}
