import type { SqlDriver } from '../sql-driver.js';
import type { ToolObservation, ToolPinRepository } from '../store.js';

/**
 * The first description seen for a tool is its pin; later ones are compared against it and never
 * replace it (a rug pull must keep alerting until an admin re-pins). Insert-first makes two nodes
 * seeing a new tool at once agree on which was first.
 */
export class SqlToolPinRepository implements ToolPinRepository {
  constructor(private readonly driver: SqlDriver) {}

  async observe(
    serverId: string,
    tool: string,
    descriptionHash: string | null,
    description: string | null,
    at: string,
  ): Promise<ToolObservation> {
    const d = this.driver.dialect;
    const created = await this.driver.run(
      `INSERT INTO tool_pins (server_id, tool, description_hash, description, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (server_id, tool) DO NOTHING`,
      [serverId, tool, descriptionHash, description, d.time(at), d.time(at)],
    );
    if (created > 0) return { firstSeen: true, pinnedHash: null, pinnedDescription: null };
    const rows = await this.driver.all(
      'SELECT description_hash, description FROM tool_pins WHERE server_id = ? AND tool = ?',
      [serverId, tool],
    );
    const pinnedHash = rows[0]?.['description_hash'] === null ? null : String(rows[0]?.['description_hash']);
    if (pinnedHash === null && descriptionHash !== null) {
      // The tool was first seen in a call without its description: pin the first description we get.
      await this.driver.run(
        'UPDATE tool_pins SET description_hash = ?, description = ?, last_seen = ? WHERE server_id = ? AND tool = ? AND description_hash IS NULL',
        [descriptionHash, description, d.time(at), serverId, tool],
      );
    }
    return {
      firstSeen: false,
      pinnedHash,
      pinnedDescription: rows[0]?.['description'] === null ? null : String(rows[0]?.['description'] ?? ''),
    };
  }
}
