import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileKql } from '../../src/query/index.js';
import { NOW } from './hunt-fixture.js';

// Golden translations: a change to the emitted SQL shows up here first (review it, then update).
const QUERY =
  'Alerts | where Severity == "high" and Title has "exec" | summarize n = count() by bin(TimeGenerated, 1d) | top 3 by n';
const SQLITE_PARAMS = [86400000, 'high', '%exec%', '(^|[^0-9A-Za-z])exec($|[^0-9A-Za-z])', 3, 101];
const POSTGRES_PARAMS = [
  86400000,
  86400000,
  'high',
  '%exec%',
  '(^|[^0-9A-Za-z])exec($|[^0-9A-Za-z])',
  3,
  101,
];

describe('golden SQL per dialect', () => {
  it('SQLite: the where joins the table SELECT, epoch-ms bins (a remainder for day-dividing sizes), LIKE prefilter plus regex for has, every value bound', async () => {
    const compiled = await compileKql(QUERY, { dialect: 'sqlite', now: NOW, maxRows: 100 });
    assert.equal(
      compiled.sql,
      "SELECT q.c24, q.c25 FROM (SELECT q.c21 AS c24, q.c22 AS c25, q.s23 AS s23 FROM (SELECT q.c19 AS c21, q.c20 AS c22, q.c20 AS s23 FROM (SELECT q.a18 AS c19, COUNT(*) AS c20 FROM (SELECT CAST((q.c1 - (q.c1 % ?)) AS INTEGER) AS a18 FROM (SELECT first_seen AS c1, id AS c2, rule_id AS c3, server_id AS c4, COALESCE(user_name, '') AS c5, title AS c6, severity AS c7, category AS c8, status AS c9, COALESCE(assignee, '') AS c10, COALESCE(reason, '') AS c11, finding_count AS c12, first_seen AS c13, last_seen AS c14, created_at AS c15, updated_at AS c16, closed_at AS c17 FROM alerts WHERE ((severity = ?) AND ((title LIKE ? ESCAPE '\\') AND kql_regex_match(title, ?, 1)))) AS q) AS q GROUP BY q.a18) AS q) AS q ORDER BY q.s23 DESC NULLS LAST LIMIT ?) AS q ORDER BY q.s23 DESC NULLS LAST LIMIT ?",
    );
    assert.deepEqual(compiled.params, SQLITE_PARAMS);
  });

  it('PostgreSQL: TIMESTAMPTZ bins, ILIKE and ~*, typed $n parameters', async () => {
    const compiled = await compileKql(QUERY, { dialect: 'postgres', now: NOW, maxRows: 100 });
    assert.equal(
      compiled.sql,
      "SELECT q.c24, q.c25 FROM (SELECT q.c21 AS c24, q.c22 AS c25, q.s23 AS s23 FROM (SELECT q.c19 AS c21, q.c20 AS c22, q.c20 AS s23 FROM (SELECT q.a18 AS c19, COUNT(*) AS c20 FROM (SELECT to_timestamp(((floor(((EXTRACT(EPOCH FROM q.c1) * 1000) - (-62135596800000)) / CAST($1 AS DOUBLE PRECISION)) * CAST($2 AS DOUBLE PRECISION) + (-62135596800000))) / 1000.0) AS a18 FROM (SELECT first_seen AS c1, id AS c2, rule_id AS c3, server_id AS c4, COALESCE(user_name, '') AS c5, title AS c6, severity AS c7, category AS c8, status AS c9, COALESCE(assignee, '') AS c10, COALESCE(reason, '') AS c11, finding_count AS c12, first_seen AS c13, last_seen AS c14, created_at AS c15, updated_at AS c16, closed_at AS c17 FROM alerts WHERE ((severity = CAST($3 AS TEXT)) AND ((title ILIKE CAST($4 AS TEXT) ESCAPE '\\') AND (title ~* CAST($5 AS TEXT))))) AS q) AS q GROUP BY q.a18) AS q) AS q ORDER BY q.s23 DESC NULLS LAST LIMIT CAST($6 AS BIGINT)) AS q ORDER BY q.s23 DESC NULLS LAST LIMIT CAST($7 AS BIGINT)",
    );
    assert.deepEqual(compiled.params, POSTGRES_PARAMS);
  });

  // Nullable text columns read as COALESCE(c, ''); a filter test that cannot hold for '' reads the
  // bare column instead (the planner then sees it), any other keeps the COALESCE.
  const FILTER =
    'McpEvents | where Tool == "exec" and User in ("a", "b") and Prompt has "pw" | where Tool != "x" or Agent == "" | project Tool';
  const span = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' };

  it('SQLite: where on a table reads bare columns for non-empty tests, COALESCE for != and == ""', async () => {
    const compiled = await compileKql(FILTER, { dialect: 'sqlite', now: NOW, maxRows: 100, timespan: span });
    assert.ok(
      compiled.sql.includes(
        "FROM events WHERE (ts >= ? AND ts <= ?) AND ((((tool = ?) AND (user_name IN (?, ?))) AND ((prompt LIKE ? ESCAPE '\\') AND kql_regex_match(prompt, ?, 1)))) AND (((COALESCE(tool, '') <> ?) OR (COALESCE(agent, '') = ?)))) AS q",
      ),
      compiled.sql,
    );
    assert.deepEqual(compiled.params.slice(0, 9), [
      Date.parse(span.from),
      Date.parse(span.to),
      'exec',
      'a',
      'b',
      '%pw%',
      '(^|[^0-9A-Za-z])pw($|[^0-9A-Za-z])',
      'x',
      '',
    ]);
  });

  it("PostgreSQL: the same filter compares tool = $3, keeps COALESCE(tool, '') <> $8", async () => {
    const compiled = await compileKql(FILTER, {
      dialect: 'postgres',
      now: NOW,
      maxRows: 100,
      timespan: span,
    });
    assert.ok(
      compiled.sql.includes(
        "FROM events WHERE (ts >= CAST($1 AS TIMESTAMPTZ) AND ts <= CAST($2 AS TIMESTAMPTZ)) AND ((((tool = CAST($3 AS TEXT)) AND (user_name IN (CAST($4 AS TEXT), CAST($5 AS TEXT)))) AND ((prompt ILIKE CAST($6 AS TEXT) ESCAPE '\\') AND (prompt ~* CAST($7 AS TEXT))))) AND (((COALESCE(tool, '') <> CAST($8 AS TEXT)) OR (COALESCE(agent, '') = CAST($9 AS TEXT))))) AS q",
      ),
      compiled.sql,
    );
  });

  it('a where after another operator filters the subquery through its COALESCE columns', async () => {
    const compiled = await compileKql('McpEvents | extend t = Tool | where t == "x" | count', {
      dialect: 'sqlite',
      now: NOW,
      maxRows: 100,
    });
    assert.match(compiled.sql, / AS q WHERE \(q\.c\d+ = \?\)/);
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`${dialect}: summarize groups by the time bin first, columns stay in query order`, async () => {
      const compiled = await compileKql(
        'McpEvents | summarize Calls = count() by User, bin(TimeGenerated, 1h)',
        {
          dialect,
          now: NOW,
          maxRows: 100,
        },
      );
      assert.match(
        compiled.sql,
        /^SELECT q\.c22, q\.c23, q\.c24 FROM \(SELECT q\.a20 AS c22, q\.a21 AS c23, COUNT\(\*\) AS c24 /,
      );
      assert.match(compiled.sql, /FROM \(SELECT q\.c8 AS a20, \S.* AS a21 FROM /);
      assert.match(compiled.sql, / GROUP BY q\.a21, q\.a20\) AS q LIMIT /);
    });
  }
});
