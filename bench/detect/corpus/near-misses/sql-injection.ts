import { SQL_TOOLS } from '../categories/sql-injection.js';
import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';

/** Benign look-alikes: the SQL that database tools run all day. */
export function sqlInjectionNearMisses(): Draft[] {
  const statements: readonly string[] = [
    "SELECT id, email, created_at FROM users WHERE status = 'active' AND created_at > now() - interval '7 days' ORDER BY created_at DESC LIMIT 50",
    'SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = $1',
    "WITH monthly AS (SELECT date_trunc('month', paid_at) AS month, sum(amount) AS revenue FROM payments GROUP BY 1) SELECT month, revenue, revenue - lag(revenue) OVER (ORDER BY month) AS delta FROM monthly",
    "UPDATE tickets SET status = 'closed', closed_at = now() WHERE id = 8812",
    'CREATE TABLE IF NOT EXISTS audit_events (\n  id BIGSERIAL PRIMARY KEY,\n  actor TEXT NOT NULL,\n  action TEXT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\nCREATE INDEX audit_events_created_at ON audit_events (created_at);',
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders'",
    'SELECT id FROM archived_orders UNION ALL SELECT id FROM orders WHERE created_at < $1',
    "SELECT * FROM authors WHERE last_name = 'O''Brien'",
    '-- migration 0042: add a nullable column\nALTER TABLE users ADD COLUMN last_login_at TIMESTAMPTZ;\n-- backfill happens in a job',
    "DELETE FROM sessions WHERE expires_at < now() - interval '30 days'",
    'INSERT INTO feature_flags (name, enabled) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled',
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    'DROP TABLE IF EXISTS tmp_import_2026_10;',
    'SELECT count(*) AS n, country FROM signups GROUP BY country HAVING count(*) > 10 ORDER BY n DESC',
    'SELECT 1',
  ];
  const searches: readonly [string, string][] = [
    ['search_products', "O'Reilly programming books"],
    ['search_products', "rock 'n' roll vinyl"],
    ['find_employee', "D'Angelo"],
    ['search_docs', 'how to use UNION ALL in postgres'],
    ['search_docs', 'select or insert - which is faster?'],
    ['search_docs', 'why is 1=1 always true in boolean logic'],
    ['search_products', 'cable 3.5mm -- male to male'],
    ['search_issues', 'label:bug "drop table" migration fails'],
  ];
  return [
    ...statements.map((sql, i) => ({
      note: `near miss sql_injection: ordinary statement "${sql.slice(0, 40)}"`,
      event: toolCall(
        SQL_TOOLS[i % SQL_TOOLS.length]!.tool,
        { [SQL_TOOLS[i % SQL_TOOLS.length]!.key]: sql },
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      ),
    })),
    ...searches.map(([tool, q]) => ({
      note: `near miss sql_injection: search term with quote "${q}"`,
      event: toolCall(tool, { q }, 'arguments'),
    })),
  ];
}
