import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type WordSet, wordHits, wordSet } from '../../src/detect/detectors/text/anchor-index.js';
import { matchesIn } from '../../src/detect/detectors/text/regex-matches.js';

/** What one set's own `/\b(?:...)\b/gi` finds: the behaviour the shared index must keep. */
function ownRegexHits(text: string, words: readonly string[]): [number, number][] {
  const source = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[-]/g, '\\-').replace(/ /g, '\\s+'))
    .join('|');
  return [...text.matchAll(new RegExp(`\\b(?:${source})\\b`, 'gi'))].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

function spans(text: string, set: WordSet): [number, number][] {
  return wordHits(text, set).map((hit) => [hit.start, hit.end]);
}

/** Deterministic pseudo-random text built from the words, their pieces and separators. */
function randomText(seed: number, pieces: readonly string[]): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state;
  };
  let out = '';
  for (let i = 0; i < 40; i++) {
    const piece = pieces[next() % pieces.length]!;
    out += next() % 3 === 0 ? piece.toUpperCase() : piece;
    out += [' ', '-', '', '_', '\n', 'é', '.', '  '][next() % 8];
  }
  return out;
}

describe('shared word index', () => {
  const mail = wordSet(['e-mail', 'mail', 'send']);
  const plainMail = wordSet(['mail', 'post']);
  const roles = wordSet(['system', 'sys', 'user', 'carry out']);

  it('finds whole words only, case-insensitively, ASCII word boundaries', () => {
    assert.deepEqual(spans('SEND it; resend; send_x; send.', mail), [
      [0, 4],
      [25, 29],
    ]);
    assert.deepEqual(spans('éuser', roles), [[1, 5]]);
    // \u212A (Kelvin) is not k, and ſ is not s, for a non-unicode /i regex.
    assert.deepEqual(spans('\u017Fys sys', roles), [[4, 7]]);
  });

  it('gives each set what its own regex gives, compounds included', () => {
    const text = 'Please e-mail it, then mail and E-Mail again; carry  out the post';
    assert.deepEqual(spans(text, mail), ownRegexHits(text, ['e-mail', 'mail', 'send']));
    assert.deepEqual(spans(text, plainMail), ownRegexHits(text, ['mail', 'post']));
    assert.deepEqual(spans(text, roles), ownRegexHits(text, ['system', 'sys', 'user', 'carry out']));
    assert.deepEqual(
      wordHits(text, mail).map((hit) => hit.word),
      ['e-mail', 'mail', 'e-mail'],
    );
  });

  it('agrees with the per-set regex on generated text', () => {
    const pieces = [
      'e',
      'mail',
      'e-mail',
      'send',
      'post',
      'sys',
      'system',
      'user',
      'users',
      'carry',
      'out',
      'x1',
    ];
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, pieces);
      assert.deepEqual(spans(text, mail), ownRegexHits(text, ['e-mail', 'mail', 'send']), text);
      assert.deepEqual(spans(text, plainMail), ownRegexHits(text, ['mail', 'post']), text);
      assert.deepEqual(spans(text, roles), ownRegexHits(text, ['system', 'sys', 'user', 'carry out']), text);
    }
  });

  it('respects a limit', () => {
    assert.equal(wordHits('send send send', mail, 2).length, 2);
  });
});

describe('matchesIn', () => {
  const cases: [RegExp, string][] = [
    [/a+/g, 'caaab aa a'],
    [/x*/g, 'axxb'],
    [/(?:)/gu, 'a\u{1F600}b'],
    [/\d/gi, ''],
    [/b/gy, 'bbab'],
  ];

  it('yields what matchAll yields, empty matches and surrogate pairs included', () => {
    for (const [pattern, text] of cases) {
      const mine = [...matchesIn(pattern, text)].map((m) => [m.index, m[0]]);
      const theirs = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
      assert.deepEqual(mine, theirs, `${pattern} on ${JSON.stringify(text)}`);
    }
  });

  it('keeps its place when the same regex is used between two steps', () => {
    const pattern = /o/g;
    const seen: number[] = [];
    for (const m of matchesIn(pattern, 'foo boo')) {
      seen.push(m.index);
      assert.ok(pattern.test('o'));
    }
    assert.deepEqual(seen, [1, 2, 5, 6]);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    assert.throws(() => [...matchesIn(/a/, 'a')], TypeError);
  });
});
