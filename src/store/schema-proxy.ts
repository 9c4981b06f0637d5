import type { ColumnTypes } from './schema.js';

/** Version 5: tool definitions pinned by the proxy (name, description and schema hashes per server). */
export function proxySchema(t: ColumnTypes): string {
  return `
      -- The first tools/list pins a definition; a later one that differs is kept beside it as
      -- 'changed' until an admin approves it (then it becomes the pin).
      CREATE TABLE tool_definitions (
        server_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        definition_hash TEXT NOT NULL,
        description_hash TEXT,
        input_schema_hash TEXT,
        output_schema_hash TEXT,
        definition ${t.json} NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pinned', 'changed')),
        changed_hash TEXT,
        changed_description_hash TEXT,
        changed_input_schema_hash TEXT,
        changed_output_schema_hash TEXT,
        changed_definition ${t.json},
        changed_parts ${t.json},
        changed_at ${t.time},
        first_seen ${t.time} NOT NULL,
        last_seen ${t.time} NOT NULL,
        approved_at ${t.time},
        approved_by TEXT,
        PRIMARY KEY (server_id, tool)
      );
  `;
}
