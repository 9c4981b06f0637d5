/**
 * Version 9: the dedupe index holds only events that have a dedupe key. A webhook event without
 * an `id` has none (identical copies are all kept), so indexing it bought nothing and cost every
 * such insert a B-tree update (about 3 µs of the writer's time per event on SQLite). The
 * untargeted `ON CONFLICT DO NOTHING` of inserts still honours the partial unique index. Rebuilding
 * it is a one-off at the first start after the upgrade.
 */
export const DEDUPE_INDEX_SCHEMA = `
      DROP INDEX events_dedupe;
      CREATE UNIQUE INDEX events_dedupe ON events (server_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
`;
