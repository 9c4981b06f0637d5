import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siblingModule } from '../../src/core/index.js';

describe('siblingModule', () => {
  it('picks .ts beside a source module and .js beside a built one', () => {
    assert.equal(
      siblingModule('file:///app/src/store/channel.ts', 'worker').href,
      'file:///app/src/store/worker.ts',
    );
    assert.equal(
      siblingModule('file:///app/dist/store/channel.js', 'worker').href,
      'file:///app/dist/store/worker.js',
    );
  });

  it('reads the path, not the URL end: tsx loads modules through its API with a query after .ts', () => {
    assert.equal(
      siblingModule('file:///app/src/cli/proxy-command.ts?tsx-namespace=1732', 'proxy-worker').href,
      'file:///app/src/cli/proxy-worker.ts',
    );
  });
});
