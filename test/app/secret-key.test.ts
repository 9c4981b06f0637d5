import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveSecretKey } from '../../src/app/index.js';
import { SecretBox } from '../../src/core/index.js';

describe('the secret key for webhook secrets', () => {
  it('uses SENTINEL_SECRET_KEY when set', () => {
    const key = 'b'.repeat(64);
    assert.equal(
      resolveSecretKey({ secretKey: key, database: { kind: 'sqlite', path: 'x' }, dataDir: '/nonexistent' }),
      key,
    );
  });

  it('generates one key into the data dir (0600) and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-key-'));
    const config = { secretKey: null, database: { kind: 'sqlite' as const, path: 'x' }, dataDir };
    const first = resolveSecretKey(config);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(resolveSecretKey(config), first);
    assert.equal(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), first);
    assert.equal(statSync(join(dataDir, 'secret.key')).mode & 0o777, 0o600);
  });

  it('warns a PostgreSQL node without a shared key', () => {
    const warnings: string[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-key-'));
    resolveSecretKey({ secretKey: null, database: { kind: 'postgres', url: 'postgres://x' }, dataDir }, (m) =>
      warnings.push(m),
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /same SENTINEL_SECRET_KEY on every node/);
  });

  it('seals with AES-GCM and says clearly when the key differs', () => {
    const sealed = new SecretBox('c'.repeat(64)).seal('whsec_abc');
    assert.ok(!sealed.includes('whsec_abc'));
    assert.equal(new SecretBox('c'.repeat(64)).open(sealed), 'whsec_abc');
    assert.throws(() => new SecretBox('d'.repeat(64)).open(sealed), /SENTINEL_SECRET_KEY differs/);
  });
});
