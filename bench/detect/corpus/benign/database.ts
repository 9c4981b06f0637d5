import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Database tool traffic: the SELECTs, joins, CTEs, updates and migrations agents run. */

const STATEMENTS: readonly string[] = [
  "SELECT id, name, plan, created_at FROM accounts WHERE plan = 'enterprise' ORDER BY created_at DESC LIMIT 20",
  "SELECT count(*) FROM orders WHERE status = 'pending' AND created_at >= current_date",
  'SELECT c.name, count(o.id) AS orders, sum(o.total_cents) / 100.0 AS revenue\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.name\nORDER BY revenue DESC NULLS LAST\nLIMIT 10',
  "WITH recent AS (\n  SELECT user_id, max(created_at) AS last_seen FROM events GROUP BY user_id\n)\nSELECT u.email, r.last_seen FROM users u JOIN recent r ON r.user_id = u.id WHERE r.last_seen < now() - interval '90 days'",
  'SELECT p.sku, p.name, i.stock FROM products p JOIN inventory i USING (sku) WHERE i.stock < 10 ORDER BY i.stock',
  "UPDATE subscriptions SET status = 'cancelled', cancelled_at = now() WHERE id = 4471 AND status = 'active'",
  "INSERT INTO notes (ticket_id, author, body) VALUES (88213, 'agent', 'Asked customer to retry after SPF fix.')",
  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'invoices'",
  'EXPLAIN ANALYZE SELECT * FROM orders WHERE customer_id = 1042 ORDER BY created_at DESC LIMIT 5',
  "SELECT date_trunc('day', created_at) AS day, count(*) FROM signups WHERE created_at > now() - interval '14 days' GROUP BY 1 ORDER BY 1",
  'SELECT status, count(*) FROM tickets GROUP BY status',
  "SELECT * FROM feature_flags WHERE name LIKE 'checkout_%'",
  'SELECT id, email FROM users WHERE id IN (12, 48, 301)',
  "SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95 FROM requests WHERE route = '/api/search'",
  "DELETE FROM carts WHERE updated_at < now() - interval '60 days' AND checked_out = false",
  "SELECT name FROM sqlite_master WHERE type='table'",
  'PRAGMA table_info(orders)',
  "SELECT o.id, json_agg(json_build_object('sku', i.sku, 'qty', i.quantity)) AS items FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = 9001 GROUP BY o.id",
  'SELECT region, sum(amount) FILTER (WHERE refunded) AS refunded, sum(amount) AS gross FROM sales GROUP BY ROLLUP (region)',
  "SELECT * FROM audit_log WHERE actor = 'deploy-bot' AND action = 'config.update' ORDER BY at DESC LIMIT 25",
  "SELECT u.id, u.email, r.name AS role FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = 'admin'",
  'BEGIN;\nUPDATE accounts SET balance = balance - 100 WHERE id = 1;\nUPDATE accounts SET balance = balance + 100 WHERE id = 2;\nCOMMIT;',
  'CREATE INDEX CONCURRENTLY IF NOT EXISTS events_user_created ON events (user_id, created_at DESC)',
  'ALTER TABLE invoices ADD COLUMN due_on DATE;\nUPDATE invoices SET due_on = issued_on + 30 WHERE due_on IS NULL;',
  "SELECT id, title FROM posts WHERE to_tsvector('english', body) @@ plainto_tsquery('english', $1) LIMIT 10",
  "SELECT pid, state, query_start, left(query, 60) FROM pg_stat_activity WHERE state <> 'idle'",
  'SELECT version()',
  'SHOW search_path',
  "SELECT id, title FROM articles WHERE published = true AND title ILIKE '%kubernetes%' ORDER BY published_at DESC",
  'SELECT COALESCE(sum(quantity), 0) FROM order_items WHERE sku = $1',
  'SELECT e.name, m.name AS manager FROM employees e LEFT JOIN employees m ON m.id = e.manager_id WHERE e.department = $1',
  'UPDATE users SET email_verified = true WHERE id = 3381 AND verification_token_expires_at > now()',
  "SELECT * FROM invoices WHERE status = 'overdue' AND due_on < current_date - 14 ORDER BY due_on",
  "CREATE TABLE IF NOT EXISTS page_views (\n  id INTEGER PRIMARY KEY,\n  path TEXT NOT NULL,\n  viewed_at TEXT NOT NULL DEFAULT (datetime('now'))\n)",
  "SELECT strftime('%Y-%m', created_at) AS month, count(*) FROM orders GROUP BY month ORDER BY month",
  'WITH RECURSIVE tree AS (SELECT id, parent_id, name FROM categories WHERE parent_id IS NULL UNION ALL SELECT c.id, c.parent_id, c.name FROM categories c JOIN tree t ON c.parent_id = t.id) SELECT * FROM tree',
  'SELECT relname, n_live_tup FROM pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT 5',
  "INSERT INTO events (user_id, name, props) VALUES (42, 'checkout_started', '{\"cart_items\": 3}'::jsonb)",
  "SELECT a.id FROM archived_tickets a UNION SELECT t.id FROM tickets t WHERE t.status = 'closed'",
];

const TOOLS: readonly { tool: string; key: string }[] = [
  { tool: 'query', key: 'sql' },
  { tool: 'read_query', key: 'query' },
  { tool: 'execute_sql', key: 'sql' },
  { tool: 'run_query', key: 'query' },
  { tool: 'write_query', key: 'query' },
];

function fakeResult(rng: Rng, sql: string): string {
  if (/^(UPDATE|DELETE|INSERT|ALTER|CREATE|BEGIN)/.test(sql))
    return rng.pick([
      'UPDATE 1',
      'DELETE 37',
      'INSERT 0 1',
      'ALTER TABLE',
      'CREATE INDEX',
      'COMMIT',
      '{"rowCount": 1}',
    ]);
  const rows = Array.from({ length: rng.int(1, 4) }, (_, i) => ({
    id: rng.int(1, 99999),
    name: rng.pick(['Globex Corporation', 'Initech', 'Umbrella Labs', 'Northwind Traders', 'Contoso Ltd']),
    value: rng.int(0, 100000) / 100,
    created_at: `2026-10-${String(10 + i).padStart(2, '0')}T0${i}:15:00Z`,
  }));
  return JSON.stringify(rows);
}

/** All benign database drafts. */
export function databaseTraffic(rng: Rng): Draft[] {
  const drafts: Draft[] = STATEMENTS.flatMap((sql, i) => {
    const first = TOOLS[i % TOOLS.length]!;
    const second = TOOLS[(i + 2) % TOOLS.length]!;
    return [
      {
        note: `SQL: ${sql.slice(0, 50).replaceAll('\n', ' ')}`,
        event: toolCall(
          first.tool,
          { [first.key]: sql },
          ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
          shapeResponse(fakeResult(rng, sql), rng.pick(RESPONSE_SHAPES)),
        ),
      },
      {
        note: `SQL (other server): ${sql.slice(0, 40).replaceAll('\n', ' ')}`,
        event: {
          ...toolCall(
            second.tool,
            { [second.key]: sql, params: [] },
            ARGUMENT_STYLES[(i + 1) % ARGUMENT_STYLES.length]!,
          ),
          prompt: rng.pick([
            'How many pending orders do we have today?',
            'Show me the schema of invoices',
            'Which customers spend the most?',
            undefined,
            undefined,
          ]),
        },
      },
    ];
  });
  drafts.push(
    {
      note: 'list_tables',
      event: toolCall(
        'list_tables',
        {},
        'arguments',
        '["accounts","customers","events","invoices","order_items","orders","products","users"]',
      ),
    },
    {
      note: 'describe_table',
      event: toolCall(
        'describe_table',
        { table_name: 'orders' },
        'arguments',
        '[{"name":"id","type":"INTEGER","notnull":1,"pk":1},{"name":"customer_id","type":"INTEGER","notnull":1,"pk":0},{"name":"status","type":"TEXT","notnull":1,"pk":0}]',
      ),
    },
    {
      note: 'create_table tool',
      event: toolCall(
        'create_table',
        {
          query:
            'CREATE TABLE insights (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, created_at TEXT DEFAULT CURRENT_TIMESTAMP)',
        },
        'arguments',
        'Table created successfully',
      ),
    },
    {
      note: 'append_insight',
      event: toolCall(
        'append_insight',
        { insight: 'Enterprise customers generate 62% of revenue but only 8% of support tickets.' },
        'arguments',
        'Insight added to memo',
      ),
    },
    {
      note: 'mongo find',
      event: toolCall(
        'find',
        { database: 'app', collection: 'users', filter: { lastLogin: { $lt: '2026-08-01' } }, limit: 5 },
        'arguments',
        '[{"_id":"6721f0c2a1b3c4d5e6f70812","lastLogin":"2026-07-12T10:00:00Z","plan":"free"}]',
      ),
    },
    { note: 'redis get', event: toolCall('redis_get', { key: 'rate:api:user:1042' }, 'arguments', '17') },
  );
  return drafts;
}
