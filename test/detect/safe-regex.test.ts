import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSafeRegex, MAX_REPEAT } from '../../src/detect/index.js';

function reason(pattern: string, flags = ''): string {
  const result = compileSafeRegex(pattern, flags);
  assert.equal(result.ok, false, `${pattern} should be rejected`);
  return result.ok ? '' : result.reason;
}

function source(pattern: string, flags = ''): string {
  const result = compileSafeRegex(pattern, flags);
  assert.ok(result.ok, `${pattern} should compile: ${result.ok ? '' : result.reason}`);
  return result.source;
}

describe('safe-regex rejects catastrophic patterns and says why', () => {
  it('nested quantifier (a+)+$ names the outer quantifier position', () => {
    assert.equal(
      reason('(a+)+$'),
      'nested quantifier "+" at position 4: it repeats "+" at position 2, and both can match the same text, ' +
        'which backtracks exponentially (catastrophic backtracking)',
    );
  });

  it('nested quantifiers hidden behind an optional separator: (\\w+\\s?)*', () => {
    assert.match(reason('^(\\w+\\s?)*$'), /^nested quantifier "\*" at position 9/);
  });

  it('(.*)* and ([a-z]+)* are nested quantifiers', () => {
    assert.match(reason('(.*)*'), /^nested quantifier/);
    assert.match(reason('([a-z]+)*x'), /^nested quantifier/);
  });

  it('repeated alternation with overlapping branches: (a|ab)* and (a|a)+', () => {
    assert.match(reason('(a|ab)*c'), /^quantified alternation "\*" at position 6/);
    assert.match(reason('(?:a|a)+'), /^quantified alternation/);
  });

  it('adjacent repeats over the same characters backtrack polynomially: \\d+\\d+, .*x.*, \\w+\\s*\\w+', () => {
    assert.match(reason('\\d+\\d+$'), /^overlapping quantifiers "\+" at position 2 and "\+" at position 5/);
    assert.match(reason('.*=.*;'), /^overlapping quantifiers/);
    assert.match(reason('\\w+\\s*\\w+!'), /^overlapping quantifiers/);
    assert.match(reason('(\\w+)\\w+'), /^overlapping quantifiers/);
  });

  it('backreferences are refused', () => {
    assert.match(reason('(a)\\1'), /^backreference at position 3/);
    assert.match(reason('(?<q>[\'"]).*\\k<q>'), /^backreference at position 12/);
  });

  it('syntax errors, bad flags, long patterns and huge counts are refused', () => {
    assert.match(reason('(abc'), /^invalid regular expression: /);
    assert.match(reason('abc', 'g'), /^flags "g" not allowed/);
    assert.match(reason('abc', 'ii'), /^flags "ii" not allowed/);
    assert.match(reason('a'.repeat(1001)), /longer than 1000 characters/);
    assert.match(reason('a{300,}'), /^repetition count "\{300,\}" at position 1 is above/);
  });
});

describe('safe-regex accepts ordinary patterns and bounds their repeats', () => {
  it('bounds *, + and {n,} to MAX_REPEAT, keeping lazy markers', () => {
    assert.equal(MAX_REPEAT, 128);
    assert.equal(source('password\\s*[:=]\\s*\\S+', 'i'), 'password\\s{0,128}[:=]\\s{0,128}\\S{1,128}');
    assert.equal(source('x*?y{2,}'), 'x{0,128}?y{2,128}');
  });

  it('leaves bounded patterns untouched', () => {
    assert.equal(source('\\bAKIA[0-9A-Z]{16}\\b'), '\\bAKIA[0-9A-Z]{16}\\b');
    assert.equal(source('(?:\\d{1,3}\\.){3}\\d{1,3}'), '(?:\\d{1,3}\\.){3}\\d{1,3}');
  });

  it('accepts nested repeats that a separator keeps unambiguous', () => {
    source('(?:[a-z0-9-]+\\.)+[a-z]{2,}', 'i');
    source('\\w+(?:\\s+\\w+)*');
    source('(?:\\s*,\\s*\\w+)+');
    source('[^"]*"[^"]*"');
  });

  it('accepts \\s*...\\S+ (disjoint sets), unicode classes and lookarounds', () => {
    source('token\\s*=\\s*\\S+');
    source('\\p{L}+', 'u');
    source('secret(?=\\s*:)');
  });

  it('the compiled regex is global and matches like the original', () => {
    const result = compileSafeRegex('api[_-]?key\\s*=\\s*\\w+', 'i');
    assert.ok(result.ok);
    assert.equal(result.regex.flags, 'gi');
    assert.deepEqual(
      [...'x API_KEY = abc1 y api-key=z'.matchAll(result.regex)].map((m) => m[0]),
      ['API_KEY = abc1', 'api-key=z'],
    );
  });

  it('a bounded repeat cannot run away on a long hostile run', () => {
    const result = compileSafeRegex('\\w+@');
    assert.ok(result.ok);
    const hostile = 'a'.repeat(20_000);
    assert.equal(result.regex.test(hostile), false);
  });
});
