import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Detector, DetectorTriggers } from '../../src/detect/detector.js';
import { createEngine } from '../../src/detect/engine.js';
import { Prefilter } from '../../src/detect/prefilter.js';
import type { Rule } from '../../src/detect/rule.js';
import { ShapeFinder } from '../../src/detect/value-shapes.js';

/** Gates opened by `text` (and, with `key`, by the key) for the given trigger sets. */
function opened(triggers: (DetectorTriggers | undefined)[], text: string, key?: string): boolean[] {
  const { prefilter, gates } = Prefilter.compile(triggers);
  const open = new Int32Array(prefilter.gateCount);
  prefilter.mark(text, open, 1, false);
  if (key !== undefined) prefilter.mark(key, open, 1, true);
  const shapes = prefilter.shapesOf(text);
  return gates.map((gate) => gate.id < 0 || open[gate.id] === 1 || (gate.shapes & shapes) !== 0);
}

describe('prefilter', () => {
  it('opens a gate only when one of its literals occurs, case-sensitively', () => {
    assert.deepEqual(opened([{ literals: ['AKIA'] }, { literals: ['ghp_'] }], 'id AKIAXYZ'), [true, false]);
    assert.deepEqual(opened([{ literals: ['AKIA'] }], 'akia'), [false]);
  });

  it('matches caseless literals as a case-insensitive RegExp does', () => {
    assert.deepEqual(opened([{ caseless: ['ignore'] }], 'Please IGNORE that'), [true]);
    // The Kelvin sign is not k for /k/i (no u flag), so it does not open the gate either.
    assert.deepEqual(opened([{ caseless: ['key'] }], '\u212Aey'), [false]);
    assert.deepEqual(opened([{ caseless: ['µs'] }], 'ΜS'), [true]);
  });

  it('opens a words gate only for a whole word, as \\b in a RegExp without the u flag sees it', () => {
    const words = [{ words: ['user'] }, { caseless: ['user'] }];
    assert.deepEqual(opened(words, 'the username field'), [false, true]);
    assert.deepEqual(opened(words, 'ask the USER now'), [true, true]);
    // Inside a word first, whole later: the later one counts.
    assert.deepEqual(opened(words, 'superuser, then user.'), [true, true]);
    assert.deepEqual(opened(words, 'user_id or user1'), [false, true]);
    assert.deepEqual(opened([{ words: ['e-mail'] }], 'send an e-mail!'), [true]);
    // é is not a word character without the u flag, so a word ending in it needs one after it.
    const accented = 'olvid\u00e9';
    assert.deepEqual(opened([{ words: [accented] }], `${accented} todo`), [
      new RegExp(`\\b${accented}\\b`, 'i').test(`${accented} todo`),
    ]);
  });

  it('finds literals that overlap or end inside a longer one', () => {
    const triggers = [{ literals: ['sk-ant-'] }, { literals: ['sk-'] }, { literals: ['ant-x'] }];
    assert.deepEqual(opened(triggers, 'sk-ant-x'), [true, true, true]);
    assert.deepEqual(opened([{ literals: ['xox'] }, { literals: ['oxo'] }], 'xoxo'), [true, true]);
  });

  it('lets the key open only gates that ask for it', () => {
    const triggers = [{ literals: ['token'], orKey: true }, { literals: ['token'] }];
    assert.deepEqual(opened(triggers, 'abc', 'api_token'), [true, false]);
  });

  it('treats absent or empty literal lists as no literal condition', () => {
    assert.deepEqual(opened([undefined, { minLength: 5 }, { literals: [] }], 'x'), [true, true, true]);
  });
});

describe('engine with detector triggers', () => {
  const calls: string[] = [];
  const detector: Detector = {
    id: 'test.gated',
    roles: ['prompt', 'response'],
    triggers: { minLength: 6, caseless: ['secret'] },
    detect: (field) => {
      calls.push(field.value);
      const at = field.value.toLowerCase().indexOf('secret');
      return at < 0 ? [] : [{ start: at, end: at + 6 }];
    },
  };
  const rule: Rule = {
    id: 'T-1',
    title: 'gated',
    description: 'a rule over a detector with triggers',
    category: 'secrets',
    severity: 'high',
    action: 'alert',
    fields: ['prompt', 'response'],
    detector: 'test.gated',
    mappings: { atlas: [], owasp: [] },
    enabled: true,
    builtin: false,
  };
  const engine = createEngine([rule], { detectors: new Map([['test.gated', detector]]) });
  const event = (prompt: string) =>
    ({
      prompt,
      response: 'nothing here at all',
      tool: null,
      method: null,
      metadata: {},
    }) as unknown as Parameters<typeof engine.scan>[0];

  it('does not call a detector whose trigger is absent', () => {
    calls.length = 0;
    assert.equal(engine.scan(event('hello there')).findings.length, 0);
    assert.deepEqual(calls, []);
  });

  it('calls it and reports its match when the trigger occurs', () => {
    calls.length = 0;
    const findings = engine.scan(event('my SECRET is here')).findings;
    assert.deepEqual(calls, ['my SECRET is here']);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.field, f.start, f.end]),
      [['T-1', 'prompt', 3, 9]],
    );
  });
});

describe('value shapes', () => {
  const finder = new ShapeFinder(['dd', 'd-d', 'Ad', 'A d', '+d']);
  const found = (text: string) =>
    finder.shapes.filter((shape) => (finder.find(text) & finder.bit(shape)) !== 0);

  it('finds each shape by its character classes', () => {
    assert.deepEqual(found('call 415-555-2671'), ['dd', 'd-d']);
    assert.deepEqual(found('GB82 WEST'), ['dd', 'Ad']);
    assert.deepEqual(found('QQ 12 34 56 C'), ['dd', 'A d']);
    assert.deepEqual(found('+4'), ['+d']);
  });

  it('is case-sensitive and does not bridge other characters', () => {
    assert.deepEqual(found('gb82'), ['dd']);
    assert.deepEqual(found('1--2 1 -2 a1'), []);
    assert.deepEqual(found('１２'), []);
    assert.deepEqual(found(''), []);
  });

  it('opens a gate on a shape even when none of its literals occurs', () => {
    assert.deepEqual(opened([{ shapes: ['d-d'] }, { shapes: ['d-d'], literals: ['ssn'] }], 'id 12-34'), [
      true,
      true,
    ]);
    assert.deepEqual(opened([{ shapes: ['d-d'] }, { shapes: ['d-d'], literals: ['ssn'] }], 'ssn 12 34'), [
      false,
      true,
    ]);
  });
});
