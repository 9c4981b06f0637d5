import type {
  ObservedToolDefinition,
  ToolDefinitionRecord,
  ToolDefinitionRepository,
} from '../proxy-records.js';
import type { Row, SqlDriver } from '../sql-driver.js';

const COLUMNS = `server_id, tool, definition_hash, description_hash, input_schema_hash, output_schema_hash,
  definition, status, changed_hash, changed_definition, changed_parts, changed_at, first_seen, last_seen,
  approved_at, approved_by`;

const CLEAR_CHANGE = `changed_hash = NULL, changed_description_hash = NULL, changed_input_schema_hash = NULL,
  changed_output_schema_hash = NULL, changed_definition = NULL, changed_parts = NULL, changed_at = NULL`;

const PARTS = [
  ['description', 'descriptionHash'],
  ['inputSchema', 'inputSchemaHash'],
  ['outputSchema', 'outputSchemaHash'],
] as const;

/** Tool definitions pinned per server; the pin only moves when an admin approves a change. */
export class SqlToolDefinitionRepository implements ToolDefinitionRepository {
  constructor(private readonly driver: SqlDriver) {}

  async observe(
    serverId: string,
    tools: readonly ObservedToolDefinition[],
    at: string,
  ): Promise<ToolDefinitionRecord[]> {
    if (tools.length === 0) return [];
    const d = this.driver.dialect;
    const inserted = await this.driver.insertIgnoringConflicts(
      'tool_definitions',
      [
        'server_id',
        'tool',
        'definition_hash',
        'description_hash',
        'input_schema_hash',
        'output_schema_hash',
        'definition',
        'status',
        'first_seen',
        'last_seen',
      ],
      tools.map((tool) => [
        serverId,
        tool.tool,
        tool.definitionHash,
        tool.descriptionHash,
        tool.inputSchemaHash,
        tool.outputSchemaHash,
        d.json(tool.definition),
        'pinned',
        d.time(at),
        d.time(at),
      ]),
    );
    const pins = new Map((await this.list(serverId)).map((record) => [record.tool, record]));
    for (const [i, tool] of tools.entries()) {
      const pin = pins.get(tool.tool);
      if (inserted[i] || pin === undefined) continue;
      if (pin.definitionHash === tool.definitionHash) {
        if (pin.status === 'changed') await this.revert(serverId, tool.tool, at);
      } else if (pin.changed?.definitionHash !== tool.definitionHash) {
        const parts = PARTS.filter(([, key]) => pin[key] !== tool[key]).map(([part]) => part);
        await this.driver.run(
          `UPDATE tool_definitions SET status = 'changed', changed_hash = ?, changed_description_hash = ?,
             changed_input_schema_hash = ?, changed_output_schema_hash = ?, changed_definition = ?,
             changed_parts = ?, changed_at = ?, last_seen = ? WHERE server_id = ? AND tool = ?`,
          [
            tool.definitionHash,
            tool.descriptionHash,
            tool.inputSchemaHash,
            tool.outputSchemaHash,
            d.json(tool.definition),
            d.json(parts),
            d.time(at),
            d.time(at),
            serverId,
            tool.tool,
          ],
        );
      }
    }
    const after = new Map((await this.list(serverId)).map((record) => [record.tool, record]));
    return tools.map((tool) => after.get(tool.tool)).filter((record) => record !== undefined);
  }

  async list(serverId: string): Promise<ToolDefinitionRecord[]> {
    const rows = await this.driver.all(
      `SELECT ${COLUMNS} FROM tool_definitions WHERE server_id = ? ORDER BY tool`,
      [serverId],
    );
    return rows.map((row) => this.toRecord(row));
  }

  async find(serverId: string, tool: string): Promise<ToolDefinitionRecord | null> {
    const rows = await this.driver.all(
      `SELECT ${COLUMNS} FROM tool_definitions WHERE server_id = ? AND tool = ?`,
      [serverId, tool],
    );
    return rows[0] === undefined ? null : this.toRecord(rows[0]);
  }

  async approve(serverId: string, tool: string, by: string, at: string): Promise<boolean> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `UPDATE tool_definitions SET definition_hash = changed_hash, description_hash = changed_description_hash,
         input_schema_hash = changed_input_schema_hash, output_schema_hash = changed_output_schema_hash,
         definition = changed_definition, status = 'pinned', ${CLEAR_CHANGE}, last_seen = ?,
         approved_at = ?, approved_by = ?
       WHERE server_id = ? AND tool = ? AND status = 'changed'`,
      [d.time(at), d.time(at), by, serverId, tool],
    );
    return changed > 0;
  }

  private async revert(serverId: string, tool: string, at: string): Promise<void> {
    await this.driver.run(
      `UPDATE tool_definitions SET status = 'pinned', ${CLEAR_CHANGE}, last_seen = ?
       WHERE server_id = ? AND tool = ?`,
      [this.driver.dialect.time(at), serverId, tool],
    );
  }

  private toRecord(row: Row): ToolDefinitionRecord {
    const d = this.driver.dialect;
    const optionalTime = (value: unknown) =>
      value === null || value === undefined ? null : d.readTime(value);
    const optionalText = (value: unknown) => (value === null || value === undefined ? null : String(value));
    const changedDefinition =
      row['changed_definition'] === null
        ? null
        : (d.readJson(row['changed_definition']) as Record<string, unknown>);
    let changed: ToolDefinitionRecord['changed'] = null;
    if (changedDefinition !== null && row['changed_hash'] !== null) {
      changed = {
        definitionHash: String(row['changed_hash']),
        definition: changedDefinition,
        parts: (d.readJson(row['changed_parts']) as string[] | null) ?? [],
      };
    }
    return {
      serverId: String(row['server_id']),
      tool: String(row['tool']),
      definitionHash: String(row['definition_hash']),
      descriptionHash: optionalText(row['description_hash']),
      inputSchemaHash: optionalText(row['input_schema_hash']),
      outputSchemaHash: optionalText(row['output_schema_hash']),
      definition: d.readJson(row['definition']) as Record<string, unknown>,
      status: row['status'] === 'changed' ? 'changed' : 'pinned',
      changed,
      changedAt: optionalTime(row['changed_at']),
      firstSeen: d.readTime(row['first_seen']),
      lastSeen: d.readTime(row['last_seen']),
      approvedAt: optionalTime(row['approved_at']),
      approvedBy: optionalText(row['approved_by']),
    };
  }
}
