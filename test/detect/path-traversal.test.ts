import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldRole } from '../../src/detect/detector.js';
import { isTemplateEnv } from '../../src/detect/detectors/args/sensitive-paths.js';
import { pathTraversalDetectors } from '../../src/detect/detectors/path-traversal.js';
import { loadBuiltinRules } from '../../src/detect/index.js';
import { detectChecked } from './trigger-check.js';

/** Every path-traversal match on one field: [detector id without family, matched text, start]. */
function hits(key: string, value: string, role: FieldRole = 'argument'): [string, string, number][] {
  return pathTraversalDetectors.flatMap((detector) =>
    detectChecked(
      detector,
      { path: `arguments.${key}`, key, role, value },
      { tool: 'read_file', method: 'tools/call' },
    ).map((m): [string, string, number] => [
      detector.id.replace('path-traversal.', ''),
      value.slice(m.start, m.end),
      m.start,
    ]),
  );
}

describe('path-traversal.dot-dot', () => {
  it('detects ../ climbing out of the tree, spanning the ../ run', () => {
    assert.deepEqual(hits('path', '../../../../etc/passwd'), [
      ['dot-dot', '../../../../', 0],
      ['system-file', '../../../../etc/passwd', 0],
    ]);
  });
  it('detects ..\\ sequences', () => {
    assert.deepEqual(hits('path', '..\\..\\..\\windows\\win.ini'), [
      ['dot-dot', '..\\..\\..\\', 0],
      ['system-file', '..\\..\\..\\windows\\win.ini', 0],
    ]);
  });
  it('detects an absolute path climbing back to the root', () => {
    assert.deepEqual(hits('path', '/var/www/html/../../../etc/hosts'), [
      ['dot-dot', '../../../', 14],
      ['system-file', '/var/www/html/../../../etc/hosts', 0],
    ]);
  });
  it('detects two levels up when the target looks secret', () => {
    assert.deepEqual(hits('path', '../../.git/config'), [['dot-dot', '../../', 0]]);
  });
  it('reads a whole args entry as a path', () => {
    assert.deepEqual(
      hits('args', '../../../../etc/passwd').map(([id]) => id),
      ['dot-dot', 'system-file'],
    );
  });
  it('does not flag paths that stay inside the project or step to a sibling', () => {
    for (const path of [
      './docs/../README.md',
      '../README.md',
      '../../packages/ui/src/index.ts',
      'src/index.ts',
    ]) {
      assert.deepEqual(hits('path', path), [], path);
    }
  });
  it('does not flag cd ../.. in a shell command or ../ in file content', () => {
    assert.deepEqual(hits('command', 'cd ../.. && make'), []);
    assert.deepEqual(hits('content', "import { x } from '../../../lib/x';\n"), []);
  });
});

describe('path-traversal.encoded', () => {
  it('detects percent-encoded ../ and maps the span to the encoded text', () => {
    assert.deepEqual(hits('path', '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow'), [
      ['dot-dot', '%2e%2e%2f%2e%2e%2f%2e%2e%2f', 0],
      ['encoded', '%2e%2e%2f%2e%2e%2f%2e%2e%2f', 0],
      ['credential-file', '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow', 0],
    ]);
  });
  it('detects double encoding (%252e)', () => {
    const value = '%252e%252e%252f%252e%252e%252f%252e%252e%252fetc/passwd';
    assert.ok(hits('path', value).some(([id, text]) => id === 'encoded' && text === value.slice(0, 45)));
  });
  it('detects overlong UTF-8 slashes (..%c0%af)', () => {
    assert.deepEqual(hits('path', '..%c0%af..%c0%af..%c0%afetc/passwd')[1], [
      'encoded',
      '..%c0%af..%c0%af..%c0%af',
      0,
    ]);
  });
  it('detects fullwidth dots and slashes', () => {
    assert.deepEqual(hits('path', '．．／．．／．．／etc/passwd')[1], ['encoded', '．．／．．／．．／', 0]);
  });
  it('detects filter-bypass shapes (....// and ..;/)', () => {
    assert.deepEqual(hits('path', '....//....//....//etc/passwd'), [
      ['encoded', '....//....//....//', 0],
      ['system-file', '....//....//....//etc/passwd', 0],
    ]);
    assert.deepEqual(hits('path', '/static/..;/..;/WEB-INF/web.xml'), [['encoded', '..;/..;/', 8]]);
  });
  it('detects encoded traversal in a URL query parameter', () => {
    const value = 'https://files.example.com/download?name=..%2f..%2f..%2fetc%2fpasswd';
    assert.deepEqual(hits('url', value), [['encoded', '..%2f..%2f..%2f', 40]]);
  });
  it('reads flat metadata keys too', () => {
    const value = 'uploads/%252e%252e%252f%252e%252e%252froot/.bash_history';
    assert.deepEqual(
      hits('template', value, 'metadata').map(([id]) => id),
      ['encoded', 'credential-file'],
    );
  });
});

describe('path-traversal.null-byte', () => {
  it('detects %00 cutting off an extension', () => {
    assert.deepEqual(hits('file', 'report.pdf%00.png'), [['null-byte', '%00', 10]]);
  });
});

describe('path-traversal.credential-file', () => {
  it('detects password hashes, keys and cloud credentials by absolute or home path', () => {
    const paths = [
      '/etc/shadow',
      '~/.ssh/id_rsa',
      '/home/dev/.aws/credentials',
      '~/.config/gcloud/application_default_credentials.json',
      '/home/dev/.azure/accessTokens.json',
      '~/.kube/config',
      '~/.docker/config.json',
      '/srv/app/.git-credentials',
      '~/.npmrc',
      '~/.pypirc',
      '/var/run/secrets/kubernetes.io/serviceaccount/token',
      '/proc/self/environ',
      '.env.production',
      '~/.cursor/mcp.json',
      'file:///etc/shadow',
      '/etc/kubernetes/admin.conf',
      '~/Library/Keychains/login.keychain-db',
    ];
    for (const path of paths) assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
  });
  it('detects Windows credential stores', () => {
    for (const path of ['C:\\Windows\\System32\\config\\SAM', '%USERPROFILE%\\.ssh\\id_ed25519']) {
      assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
    }
  });
  it('detects a shell command reading a key, spanning the path', () => {
    assert.deepEqual(hits('command', 'cat ~/.ssh/id_rsa'), [['credential-file', '~/.ssh/id_rsa', 4]]);
  });
  it('does not flag a key used in place, prose that names a file, or template env files', () => {
    assert.deepEqual(hits('command', 'ssh -i ~/.ssh/id_ed25519 deploy@host uptime'), []);
    assert.deepEqual(hits('message', 'I rotated the key in ~/.aws/credentials yesterday'), []);
    assert.deepEqual(hits('path', '.env.example'), []);
    assert.deepEqual(hits('path', '.ssh-config.example'), []);
  });
});

describe('path-traversal.credential-file: container configs and Terraform state', () => {
  it('detects Docker container configs, which hold the container environment, and their directory', () => {
    const paths = [
      '/var/lib/docker/containers/3f2a/config.v2.json',
      '/var/lib/docker/containers/3f2a/hostconfig.json',
      '/var/lib/docker/containers',
      '~/.local/share/docker/containers/3f2a/config.v2.json',
      'C:\\ProgramData\\docker\\containers\\3f2a\\config.v2.json',
      '/srv/app/../../var/lib/docker/containers/3f2a/config.v2.json',
    ];
    for (const path of paths) {
      assert.deepEqual(
        hits('path', path).filter(([id]) => id === 'credential-file'),
        [['credential-file', path, 0]],
        path,
      );
    }
  });
  it('detects Terraform state files and their backups', () => {
    for (const path of [
      'infra/terraform.tfstate',
      'terraform.tfstate.backup',
      '/srv/infra/.terraform/terraform.tfstate',
      'envs/prod.tfstate',
      'terraform.tfstate.1553010386.backup',
    ]) {
      assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
    }
  });
  it('detects a shell command reading Terraform state', () => {
    assert.deepEqual(hits('command', 'cat infra/terraform.tfstate'), [
      ['credential-file', 'infra/terraform.tfstate', 4],
    ]);
  });
  it('does not flag Terraform sources, docs about state, the rest of /var/lib/docker, or Terraform reading its own state', () => {
    for (const path of [
      'infra/main.tf',
      'variables.tf',
      'docs/terraform.md',
      'docs/tfstate-explained.md',
      'src/state.ts',
      '/var/lib/docker',
      '/var/lib/docker/volumes/pgdata/_data',
      '/var/lib/docker/image/overlay2/repositories.json',
      'fixtures/var/lib/docker/containers/3f2a/config.v2.json',
    ]) {
      assert.deepEqual(hits('path', path), [], path);
    }
    assert.deepEqual(hits('command', 'terraform plan -state=terraform.tfstate -out=plan.bin'), []);
    assert.deepEqual(hits('command', 'terraform show terraform.tfstate'), []);
  });
});

describe('path-traversal.credential-file: node, password-manager and editor secret stores', () => {
  it('detects the kubelet client certificate and the rest of /var/lib/kubelet/pki', () => {
    for (const path of [
      '/var/lib/kubelet/pki/kubelet-client-current.pem',
      '/var/lib/kubelet/pki/kubelet.key',
      '/var/lib/kubelet/pki',
      '/var/lib/kubelet/kubeconfig',
    ]) {
      assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
    }
    assert.deepEqual(hits('command', 'cat /var/lib/kubelet/pki/kubelet-client-current.pem'), [
      ['credential-file', '/var/lib/kubelet/pki/kubelet-client-current.pem', 4],
    ]);
  });
  it('detects KeePass databases and 1Password vaults', () => {
    for (const path of [
      '~/Documents/passwords.kdbx',
      'vault/Team.KDBX',
      '~/Dropbox/1Password.opvault',
      '~/Dropbox/1Password.opvault/default/profile.js',
      'export/data.1pif',
    ]) {
      assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
    }
  });
  it('detects the VS Code and Cursor secret storage on Linux, macOS and Windows', () => {
    for (const path of [
      '~/.config/Code/User/globalStorage/state.vscdb',
      '~/Library/Application Support/Code/User/globalStorage/state.vscdb',
      '%APPDATA%\\Code\\User\\globalStorage\\state.vscdb',
      '~/.config/Cursor/User/globalStorage/state.vscdb',
      '~/Library/Application Support/Cursor/User/globalStorage/state.vscdb.backup',
      'C:\\Users\\dev\\AppData\\Roaming\\Cursor\\User\\globalStorage\\state.vscdb',
    ]) {
      assert.deepEqual(hits('path', path), [['credential-file', path, 0]], path);
    }
  });
  it('does not flag password code, KeePass docs, editor settings or the rest of the kubelet directory', () => {
    for (const path of [
      'src/passwords.ts',
      'docs/keepass.md',
      'docs/kdbx-format.md',
      '~/.config/Code/User/settings.json',
      '~/.config/Cursor/User/keybindings.json',
      '/var/lib/kubelet/pods/3f2a/volumes',
      'fixtures/var/lib/kubelet/pki/kubelet.key',
    ]) {
      assert.deepEqual(hits('path', path), [], path);
    }
  });
});

describe('path-traversal.system-file', () => {
  it('detects /etc/passwd named directly, in metadata.file_path', () => {
    assert.deepEqual(hits('file_path', '/etc/passwd', 'metadata'), [['system-file', '/etc/passwd', 0]]);
  });
  it('does not flag ordinary absolute paths', () => {
    const paths = [
      '/home/me/project/README.md',
      '/etc/nginx/sites-available/shop.conf',
      '/var/log/nginx/error.log',
      '/tmp/build-output-4821.log',
      'C:\\Users\\bob\\Documents\\Q3 planning.docx',
    ];
    for (const path of paths) assert.deepEqual(hits('path', path), [], path);
  });
});

describe('path-traversal.unc-path', () => {
  it('detects \\\\host\\share, spanning the host', () => {
    assert.deepEqual(hits('path', '\\\\attacker.example\\share\\doc.docx'), [
      ['unc-path', '\\\\attacker.example\\', 0],
    ]);
  });
  it('does not flag a file: URI of a local resource', () => {
    assert.deepEqual(hits('uri', 'file:///home/dev/notes/todo.md'), []);
  });
});

describe('path-traversal.unc-path: PHP stream wrappers', () => {
  it('detects each wrapper a local file inclusion uses, spanning the wrapper path', () => {
    for (const path of [
      'php://filter/convert.base64-encode/resource=../config.php',
      'php://input',
      'PHP://filter/read=string.rot13/resource=index.php',
      'phar://uploads/avatar.jpg/shell.php',
      'zip://uploads/archive.zip#shell.php',
      'data://text/plain;base64,PD9waHAgcGhwaW5mbygpOyA/Pg==',
      'expect://id',
    ]) {
      assert.deepEqual(hits('path', path), [['unc-path', path, 0]], path);
    }
  });
  it('detects a percent-encoded wrapper and one in a URL query parameter', () => {
    assert.deepEqual(hits('file', 'php%3A%2F%2Finput'), [['unc-path', 'php%3A%2F%2Finput', 0]]);
    const url = 'https://victim.example/index.php?page=php://filter/convert.base64-encode/resource=index&x=1';
    assert.deepEqual(hits('url', url), [
      ['unc-path', 'php://filter/convert.base64-encode/resource=index', 38],
    ]);
  });
  it('leaves the one-level ../ after resource= to the wrapper finding: the dot-dot rule does not fire', () => {
    // `resource=..` is one segment, not `..`, and the target climbs one level, which is ordinary.
    const ids = hits('path', 'php://filter/convert.base64-encode/resource=../config.php').map(([id]) => id);
    assert.deepEqual(ids, ['unc-path']);
  });
  it('does not flag the PHP manual, harmless wrappers, shell scripting or prose', () => {
    assert.deepEqual(hits('path', 'https://www.php.net/manual/en/wrappers.php.php'), []);
    assert.deepEqual(hits('url', 'https://www.php.net/manual/en/wrappers.php.php'), []);
    assert.deepEqual(hits('path', 'php://memory'), []);
    assert.deepEqual(hits('path', 'src/wrappers/php-input.ts'), []);
    assert.deepEqual(hits('command', `php -r 'echo file_get_contents("php://stdin");'`), []);
    assert.deepEqual(hits('message', 'PHP can read php://input and data:// streams'), []);
  });
});

describe('path-traversal rule data', () => {
  const rules = loadBuiltinRules().filter((rule) => rule.category === 'path_traversal');
  it('has one enabled rule per detector, reading arguments and metadata', () => {
    assert.deepEqual(
      rules.map((rule) => rule.detector).sort(),
      pathTraversalDetectors.map((d) => d.id).sort(),
    );
    for (const rule of rules) {
      assert.deepEqual(rule.fields, ['argument', 'metadata'], rule.id);
      assert.equal(rule.enabled, true, rule.id);
      assert.ok(rule.mappings.atlas.length > 0 && rule.mappings.owasp.length > 0, rule.id);
    }
  });
  it('blocks traversal to sensitive files and evasion forms by default', () => {
    for (const id of [
      'path-traversal.credential-file',
      'path-traversal.system-file',
      'path-traversal.encoded',
    ]) {
      assert.equal(rules.find((rule) => rule.detector === id)?.action, 'block', id);
    }
  });
});

describe('path-traversal: Windows drives in file URLs and IIS configuration', () => {
  it('reads the drive of file:///C:/ and finds the SAM and a deployed web.config', () => {
    assert.deepEqual(
      hits('uri', 'file:///C:/Windows/System32/config/SAM').map(([id]) => id),
      ['credential-file'],
    );
    assert.deepEqual(
      hits('path', 'C:\\inetpub\\wwwroot\\web.config').map(([id]) => id),
      ['credential-file'],
    );
  });
  it("leaves a project's own web.config alone", () => {
    assert.deepEqual(hits('path', 'src/Api/web.config'), []);
  });
});

describe('isTemplateEnv: the template env check, read once per chain of names', () => {
  /** The regex it replaced (quadratic on a token of `.env` repeated), as the oracle. */
  const ORACLE = /\.env(?:\.[\w-]+)*\.(?:example|sample|template|dist|defaults?|schema|tpl)(?:\.|$)/;
  const PARTS = ['.env', '.example', '.sample', '.local', '.', 'x', '-', '_', '/', '.defaults', '.default'];
  const MORE = ['.tpl', '.EXAMPLE', 'env', '.envy', '.dist', '..', ' ', 'example', '.env.', '.schema'];

  it('agrees with the regex it replaced on 100,000 generated names', () => {
    const parts = [...PARTS, ...MORE];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 100_000; n++) {
      let path = '';
      for (let k = 1 + Math.floor(next() * 7); k > 0; k--) path += parts[Math.floor(next() * parts.length)];
      assert.equal(isTemplateEnv(path), ORACLE.test(path), JSON.stringify(path));
    }
  });

  it('reads a token of `.env` repeated in one pass', () => {
    assert.equal(isTemplateEnv(`${'.env'.repeat(250_000)}.example`), true);
    assert.equal(isTemplateEnv('.env'.repeat(250_000)), false);
  });
});
