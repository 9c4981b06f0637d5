import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldRole } from '../../src/detect/detector.js';
import { ssrfDetectors } from '../../src/detect/detectors/ssrf.js';
import { loadBuiltinRules } from '../../src/detect/index.js';
import { detectChecked } from './trigger-check.js';

/** Every SSRF match on one field: [detector id without family, matched text, start]. */
function hits(
  key: string,
  value: string,
  role: FieldRole = 'argument',
  method = 'tools/call',
): [string, string, number][] {
  return ssrfDetectors.flatMap((detector) =>
    detectChecked(detector, { path: `arguments.${key}`, key, role, value }, { tool: 'fetch', method }).map(
      (m): [string, string, number] => [
        detector.id.replace('ssrf.', ''),
        value.slice(m.start, m.end),
        m.start,
      ],
    ),
  );
}

describe('ssrf.cloud-metadata', () => {
  it('detects metadata endpoints of every cloud, spanning the host', () => {
    const urls: [string, string][] = [
      ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', '169.254.169.254'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal'],
      ['http://100.100.100.200/latest/meta-data/', '100.100.100.200'],
      ['http://[fd00:ec2::254]/latest/', '[fd00:ec2::254]'],
      ['http://169.254.170.2/v2/credentials', '169.254.170.2'],
    ];
    for (const [url, host] of urls) assert.deepEqual(hits('url', url), [['cloud-metadata', host, 7]], url);
  });
  it('detects decimal, octal, hex, IPv4-mapped and percent-encoded forms', () => {
    for (const host of [
      '2852039166',
      '0251.0376.0251.0376',
      '0xA9FEA9FE',
      '[::ffff:169.254.169.254]',
      '[::ffff:a9fe:a9fe]',
    ]) {
      assert.deepEqual(hits('url', `http://${host}/latest/meta-data/`), [
        ['cloud-metadata', host, 7],
        ['obfuscated-host', host, 7],
      ]);
    }
    assert.deepEqual(hits('url', 'http://%31%36%39.254.169.254/')[0], [
      'cloud-metadata',
      '%31%36%39.254.169.254',
      7,
    ]);
  });
  it('detects the real host behind userinfo and a URL nested in a query string', () => {
    assert.deepEqual(hits('url', 'http://example.com@169.254.169.254/'), [
      ['cloud-metadata', '169.254.169.254', 19],
      ['userinfo-trick', 'example.com@169.254.169.254', 7],
    ]);
    const nested = 'https://redirector.example.net/r?to=http%3A%2F%2F169.254.169.254%2Flatest%2F';
    assert.deepEqual(hits('url', nested), [['cloud-metadata', '169.254.169.254', 49]]);
  });
  it('detects a wildcard-DNS name, a bare host argument, a curl command and an <img> in HTML', () => {
    assert.deepEqual(hits('url', 'http://169.254.169.254.nip.io/'), [
      ['cloud-metadata', '169.254.169.254.nip.io', 7],
    ]);
    assert.deepEqual(hits('host', '169.254.169.254'), [['cloud-metadata', '169.254.169.254', 0]]);
    assert.deepEqual(hits('command', 'curl -s 169.254.169.254/latest/user-data'), [
      ['cloud-metadata', '169.254.169.254', 8],
    ]);
    const html = '<h1>Report</h1><img src="http://169.254.169.254/latest/meta-data/">';
    assert.deepEqual(hits('html', html), [['cloud-metadata', '169.254.169.254', 32]]);
  });
  it('does not flag a search about the metadata address or documentation pages', () => {
    assert.deepEqual(hits('url', 'https://www.google.com/search?q=169.254.169.254+imds+v2'), []);
    assert.deepEqual(hits('url', 'https://cloud.google.com/compute/docs/metadata/overview'), []);
  });
});

describe('ssrf.internal-address', () => {
  it('detects private, link-local, CGNAT, unspecified and ULA addresses', () => {
    const urls: [string, string][] = [
      ['http://10.0.0.5/admin', '10.0.0.5'],
      ['http://192.168.1.1/cgi-bin/luci', '192.168.1.1'],
      ['http://172.16.3.9:8081/', '172.16.3.9'],
      ['http://100.64.1.1/', '100.64.1.1'],
      ['http://0.0.0.0:8000/', '0.0.0.0'],
      ['http://[fe80::1]/', '[fe80::1]'],
      ['http://[fc00::5]/', '[fc00::5]'],
    ];
    for (const [url, host] of urls) assert.deepEqual(hits('url', url), [['internal-address', host, 7]], url);
  });
  it('detects loopback written to dodge a filter or aimed at a local service', () => {
    assert.deepEqual(hits('url', 'http://127.1:6379/'), [
      ['internal-address', '127.1', 7],
      ['obfuscated-host', '127.1', 7],
    ]);
    assert.deepEqual(hits('url', 'http://0x7f000001:8080/actuator/env')[0], [
      'internal-address',
      '0x7f000001',
      7,
    ]);
    assert.deepEqual(hits('url', 'http://[::1]:9200/_cat/indices'), [['internal-address', '[::1]', 7]]);
    assert.deepEqual(hits('url', 'http://localhost:2375/v1.43/containers/json'), [
      ['internal-address', 'localhost', 7],
    ]);
    assert.deepEqual(hits('url', 'http://LocalHost.:3306/'), [['internal-address', 'LocalHost.', 7]]);
  });
  it('detects internal DNS zones, cluster services and rebinding names', () => {
    assert.deepEqual(hits('callback_url', 'http://admin.internal.corp:8080/users/export'), [
      ['internal-address', 'admin.internal.corp', 7],
    ]);
    assert.deepEqual(hits('url', 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets'), [
      ['internal-address', 'kubernetes.default.svc', 8],
    ]);
    assert.deepEqual(hits('endpoint', 'http://7f000001.c0a80001.rbndr.us:8000/', 'metadata'), [
      ['internal-address', '7f000001.c0a80001.rbndr.us', 7],
    ]);
    assert.deepEqual(hits('url', 'http://admin.localtest.me:8080/'), [
      ['internal-address', 'admin.localtest.me', 7],
    ]);
  });
  it('detects the host another URL parser would see after # or @', () => {
    assert.deepEqual(hits('url', 'http://evil.com#@127.0.0.1/'), [
      ['internal-address', '127.0.0.1', 17],
      ['userinfo-trick', 'evil.com#@127.0.0.1', 7],
    ]);
  });
  it('does not flag a developer opening their own local web server', () => {
    const urls = [
      'http://localhost:3000/',
      'http://localhost:5173/settings/profile',
      'http://127.0.0.1:8000/docs',
      'http://localhost:11434/api/tags',
    ];
    for (const url of urls) assert.deepEqual(hits('url', url), [], url);
  });
  it('does not flag local URLs in shell commands or prose', () => {
    assert.deepEqual(hits('command', 'curl http://localhost:3000/health'), []);
    assert.deepEqual(hits('message', 'see https://example.com and http://10.0.0.5 for docs'), []);
  });
});

describe('ssrf.dangerous-scheme and unusual-scheme', () => {
  it('detects gopher:, dict: and file: URLs, spanning the URL', () => {
    assert.deepEqual(hits('url', 'gopher://127.0.0.1:6379/_FLUSHALL'), [
      ['internal-address', '127.0.0.1', 9],
      ['dangerous-scheme', 'gopher://127.0.0.1:6379/_FLUSHALL', 0],
    ]);
    assert.deepEqual(hits('url', 'dict://127.0.0.1:11211/stats')[1], [
      'dangerous-scheme',
      'dict://127.0.0.1:11211/stats',
      0,
    ]);
    assert.deepEqual(hits('url', 'file:///etc/passwd'), [['dangerous-scheme', 'file:///etc/passwd', 0]]);
  });
  it('detects gopher: inside free text', () => {
    assert.deepEqual(hits('message', 'try gopher://10.0.0.5:25/x now'), [
      ['dangerous-scheme', 'gopher://10.0.0.5:25/x', 4],
    ]);
  });
  it('alerts on ldap:', () => {
    assert.deepEqual(hits('url', 'ldap://ldap.example.com/dc=x'), [
      ['unusual-scheme', 'ldap://ldap.example.com/dc=x', 0],
    ]);
  });
  it('does not flag file: URIs of MCP resources', () => {
    assert.deepEqual(hits('uri', 'file:///home/dev/notes/todo.md', 'argument', 'resources/read'), []);
  });
});

describe('jar: URLs, judged by the URL they wrap', () => {
  it('detects loopback and metadata as the archive of a jar: URL', () => {
    assert.deepEqual(hits('url', 'jar:http://127.0.0.1!/'), [['internal-address', '127.0.0.1', 11]]);
    assert.deepEqual(hits('url', 'jar:http://169.254.169.254/latest/meta-data!/x.class'), [
      ['cloud-metadata', '169.254.169.254', 11],
    ]);
  });
  it('detects the inner URL in any case, nested, as a whole args entry, and written to dodge a filter', () => {
    assert.deepEqual(hits('url', 'JAR:http://10.0.0.5/lib.jar!/a.class'), [
      ['internal-address', '10.0.0.5', 11],
    ]);
    assert.deepEqual(hits('url', 'jar:jar:http://10.0.0.5/a.jar!/b.jar!/c'), [
      ['internal-address', '10.0.0.5', 15],
    ]);
    assert.deepEqual(hits('args', 'jar:http://127.0.0.1!/'), [['internal-address', '127.0.0.1', 11]]);
    assert.deepEqual(hits('url', 'jar:http://2852039166!/'), [
      ['cloud-metadata', '2852039166', 11],
      ['obfuscated-host', '2852039166', 11],
    ]);
  });
  it('does not take a jar: on loopback for a developer opening their own web server', () => {
    assert.deepEqual(hits('url', 'jar:http://127.0.0.1:8000/lib.jar!/'), [
      ['internal-address', '127.0.0.1', 11],
    ]);
    assert.deepEqual(hits('url', 'http://127.0.0.1:8000/lib.jar'), []);
  });
  it('flags a dangerous inner scheme as that scheme, spanning the inner URL up to the entry', () => {
    assert.deepEqual(hits('url', 'jar:file:///opt/app/app.jar!/application.properties'), [
      ['dangerous-scheme', 'file:///opt/app/app.jar', 4],
    ]);
  });
  it('does not flag a jar: URL of a public artifact (jar: alone is not suspicious)', () => {
    for (const url of [
      'jar:https://repo.maven.apache.org/maven2/x.jar!/META-INF/MANIFEST.MF',
      'jar:https://repo1.maven.org/maven2/org/slf4j/slf4j-api/2.0.9/slf4j-api-2.0.9.jar!/',
    ]) {
      assert.deepEqual(hits('url', url), [], url);
    }
  });
});

describe('ordinary URLs', () => {
  it('does not flag public URLs, basic auth or public IPs', () => {
    const urls = [
      'https://api.github.com/repos',
      'https://example.com/page?id=5',
      'https://ipinfo.io/8.8.8.8/json',
      'https://en.wikipedia.org/wiki/Link-local_address',
      'https://user:pass@example.com/',
      'http://8.8.8.8/',
      'https://1.2.3.4.example.com/',
      'https://10times.com/events',
      'mailto:a@b.com',
    ];
    for (const url of urls) assert.deepEqual(hits('url', url), [], url);
  });
});

describe('ssrf rule data', () => {
  const rules = loadBuiltinRules().filter((rule) => rule.category === 'ssrf');
  it('has one enabled rule per detector, reading arguments and metadata', () => {
    assert.deepEqual(rules.map((rule) => rule.detector).sort(), ssrfDetectors.map((d) => d.id).sort());
    for (const rule of rules) {
      assert.deepEqual(rule.fields, ['argument', 'metadata'], rule.id);
      assert.equal(rule.enabled, true, rule.id);
      assert.ok(rule.mappings.atlas.length > 0 && rule.mappings.owasp.length > 0, rule.id);
    }
  });
  it('blocks metadata and internal addresses by default', () => {
    for (const id of ['ssrf.cloud-metadata', 'ssrf.internal-address']) {
      assert.equal(rules.find((rule) => rule.detector === id)?.action, 'block', id);
    }
  });
});

describe('ssrf per-field view (built once per field, shared by the six detectors)', () => {
  const values: [string, string][] = [
    ['url', 'http://169.254.169.254/latest/meta-data/'],
    ['url', 'https://example.com/docs'],
    ['command', 'curl http://0x7f000001:8080/admin'],
    ['note', 'fetch gopher://10.0.0.5:6379/_INFO'],
    ['url', 'http://example.com@10.0.0.1/'],
  ];
  const fresh = values.map(([key, value]) => hits(key, value));

  it('gives each field its own result when all detectors run field by field, as the engine does', () => {
    for (let round = 0; round < 2; round++) {
      values.forEach(([key, value], i) => {
        const field = { path: `arguments.${key}`, key, role: 'argument' as const, value };
        const found = ssrfDetectors.flatMap((detector) =>
          detectChecked(detector, field, { tool: 'fetch', method: 'tools/call' }).map(
            (m): [string, string, number] => [
              detector.id.replace('ssrf.', ''),
              value.slice(m.start, m.end),
              m.start,
            ],
          ),
        );
        assert.deepEqual(found, fresh[i], value);
      });
    }
  });

  it('judges a reused field object afresh when its value or key changes', () => {
    const field: { path: string; key: string; role: FieldRole; value: string } = {
      path: 'arguments.url',
      key: 'url',
      role: 'argument',
      value: '',
    };
    const context = { tool: 'fetch', method: 'tools/call' };
    const steps: [string, string, number][] = [
      ['url', 'http://169.254.169.254/', 1],
      ['url', 'https://example.com/', 0],
      ['note', 'see 169.254.169.254 for details', 0],
      ['host', 'see 169.254.169.254 for details', 1],
    ];
    for (const [key, value, expected] of steps) {
      field.key = key;
      field.value = value;
      const found = ssrfDetectors.flatMap((detector) => detector.detect(field, context));
      assert.equal(found.length, expected, `${key}: ${value}`);
      assert.equal(found.length, hits(key, value).length, `${key}: ${value}`);
    }
  });
});
