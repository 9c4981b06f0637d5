import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, SETTING_DESCRIPTIONS } from '../../src/config/index.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8787', () => {
    const config = loadConfig({}, '/srv/sentinel');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8787);
    assert.deepEqual(config.database, { kind: 'sqlite', path: '/srv/sentinel/data/sentinel.db' });
    assert.equal(config.maxBodyBytes, 5 * 1024 * 1024);
    assert.equal(config.signatureToleranceSeconds, 300);
  });

  it('switches to PostgreSQL with one variable', () => {
    const config = loadConfig({ SENTINEL_DATABASE_URL: 'postgres://sentinel@db/sentinel' });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://sentinel@db/sentinel' });
  });

  it('names every invalid setting', () => {
    assert.throws(
      () =>
        loadConfig({
          SENTINEL_PORT: '99999',
          SENTINEL_DATABASE_URL: 'mysql://x',
          SENTINEL_LOG_REQUESTS: 'maybe',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /SENTINEL_PORT/.test(error.message) &&
        /SENTINEL_DATABASE_URL/.test(error.message) &&
        /SENTINEL_LOG_REQUESTS/.test(error.message),
    );
  });

  it('reads a JSON config file, with env vars taking precedence, and rejects unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-config-'));
    const file = join(dir, 'sentinel.json');
    writeFileSync(file, JSON.stringify({ SENTINEL_PORT: 9000, SENTINEL_HOST: '0.0.0.0' }));
    const config = loadConfig({ SENTINEL_CONFIG_FILE: file, SENTINEL_HOST: '127.0.0.2' });
    assert.equal(config.port, 9000);
    assert.equal(config.host, '127.0.0.2');
    writeFileSync(file, JSON.stringify({ SENTINEL_PROT: 9000 }));
    assert.throws(() => loadConfig({ SENTINEL_CONFIG_FILE: file }), /unknown settings SENTINEL_PROT/);
  });

  it('documents every setting in the README table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(SETTING_DESCRIPTIONS)) {
      assert.match(readme, new RegExp(`\\| \`${name}\` \\|`), `${name} missing from README settings table`);
    }
  });
});
