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
  it('SQLite: epoch-ms bins (a remainder for day-dividing sizes), LIKE prefilter plus regex for has, every value bound', async () => {
    const compiled = await compileKql(QUERY, { dialect: 'sqlite', now: NOW, maxRows: 100 });
    assert.equal(
      compiled.sql,
      "SELECT q.c41, q.c42 FROM (SELECT q.c38 AS c41, q.c39 AS c42, q.s40 AS s40 FROM (SELECT q.c36 AS c38, q.c37 AS c39, q.c37 AS s40 FROM (SELECT q.a35 AS c36, COUNT(*) AS c37 FROM (SELECT CAST((q.c18 - (q.c18 % ?)) AS INTEGER) AS a35 FROM (SELECT q.c1 AS c18, q.c2 AS c19, q.c3 AS c20, q.c4 AS c21, q.c5 AS c22, q.c6 AS c23, q.c7 AS c24, q.c8 AS c25, q.c9 AS c26, q.c10 AS c27, q.c11 AS c28, q.c12 AS c29, q.c13 AS c30, q.c14 AS c31, q.c15 AS c32, q.c16 AS c33, q.c17 AS c34 FROM (SELECT first_seen AS c1, id AS c2, rule_id AS c3, server_id AS c4, COALESCE(user_name, '') AS c5, title AS c6, severity AS c7, category AS c8, status AS c9, COALESCE(assignee, '') AS c10, COALESCE(reason, '') AS c11, finding_count AS c12, first_seen AS c13, last_seen AS c14, created_at AS c15, updated_at AS c16, closed_at AS c17 FROM alerts) AS q WHERE ((q.c7 = ?) AND ((q.c6 LIKE ? ESCAPE '\\') AND kql_regex_match(q.c6, ?, 1)))) AS q) AS q GROUP BY q.a35) AS q) AS q ORDER BY q.s40 DESC NULLS LAST LIMIT ?) AS q ORDER BY q.s40 DESC NULLS LAST LIMIT ?",
    );
    assert.deepEqual(compiled.params, SQLITE_PARAMS);
  });

  it('PostgreSQL: TIMESTAMPTZ bins, ILIKE and ~*, typed $n parameters', async () => {
    const compiled = await compileKql(QUERY, { dialect: 'postgres', now: NOW, maxRows: 100 });
    assert.equal(
      compiled.sql,
      "SELECT q.c41, q.c42 FROM (SELECT q.c38 AS c41, q.c39 AS c42, q.s40 AS s40 FROM (SELECT q.c36 AS c38, q.c37 AS c39, q.c37 AS s40 FROM (SELECT q.a35 AS c36, COUNT(*) AS c37 FROM (SELECT to_timestamp(((floor(((EXTRACT(EPOCH FROM q.c18) * 1000) - (-62135596800000)) / CAST($1 AS DOUBLE PRECISION)) * CAST($2 AS DOUBLE PRECISION) + (-62135596800000))) / 1000.0) AS a35 FROM (SELECT q.c1 AS c18, q.c2 AS c19, q.c3 AS c20, q.c4 AS c21, q.c5 AS c22, q.c6 AS c23, q.c7 AS c24, q.c8 AS c25, q.c9 AS c26, q.c10 AS c27, q.c11 AS c28, q.c12 AS c29, q.c13 AS c30, q.c14 AS c31, q.c15 AS c32, q.c16 AS c33, q.c17 AS c34 FROM (SELECT first_seen AS c1, id AS c2, rule_id AS c3, server_id AS c4, COALESCE(user_name, '') AS c5, title AS c6, severity AS c7, category AS c8, status AS c9, COALESCE(assignee, '') AS c10, COALESCE(reason, '') AS c11, finding_count AS c12, first_seen AS c13, last_seen AS c14, created_at AS c15, updated_at AS c16, closed_at AS c17 FROM alerts) AS q WHERE ((q.c7 = CAST($3 AS TEXT)) AND ((q.c6 ILIKE CAST($4 AS TEXT) ESCAPE '\\') AND (q.c6 ~* CAST($5 AS TEXT))))) AS q) AS q GROUP BY q.a35) AS q) AS q ORDER BY q.s40 DESC NULLS LAST LIMIT CAST($6 AS BIGINT)) AS q ORDER BY q.s40 DESC NULLS LAST LIMIT CAST($7 AS BIGINT)",
    );
    assert.deepEqual(compiled.params, POSTGRES_PARAMS);
  });
});
