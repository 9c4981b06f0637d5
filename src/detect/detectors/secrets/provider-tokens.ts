import type { DetectorMatch } from '../../detector.js';
import { findSecrets, hasRunOf, isTokenChar, isTokenRun } from './find-secrets.js';
import {
  SAAS_TOKEN_PATTERN,
  SAAS_TOKEN_TRIGGERS,
  saasMinKinds,
  saasPatternFor,
  saasProvider,
  saasTokenBody,
} from './saas-tokens.js';
import { looksRandom } from './secret-value.js';

/**
 * Tokens whose issuer gave them a recognizable prefix. Each kind is one detector. `prefilter` is a
 * cheap test every token passes, run before the full regex: a non-global regex of literals (V8
 * searches those several times faster than `includes`), a number (the length of a run of token
 * characters every token holds), or a character-level test. `body` is the random part that must
 * pass the placeholder and entropy checks, which
 * `ghp_xxxx...` or `sk-your-key` fail.
 */
export interface TokenKind {
  readonly id: string;
  /** What the match is; a function names it from the token (the provider of a SaaS token). */
  readonly detail: string | ((secret: string) => string);
  readonly prefilter: RegExp | number | ((text: string) => boolean);
  /**
   * Strings every token holds, one at least (case-sensitive): the engine's prefilter skips values
   * holding none, with one scan for all kinds (Detector.triggers).
   */
  readonly triggers: readonly string[];
  readonly pattern: RegExp;
  /**
   * `pattern` narrowed to what `text` can hold (null: nothing), for kinds whose pattern is a long
   * alternation; the narrowed pattern must find exactly what `pattern` finds in `text`.
   */
  readonly narrow?: (text: string) => RegExp | null;
  /** The random part of a match, judged for randomness; the whole secret by default. */
  readonly body?: (secret: string) => string;
  readonly minEntropy: number;
  /** Character kinds the body must mix: one number, or one per token (a SaaS provider's own). */
  readonly minKinds?: number | ((secret: string) => number);
  /** Shorter values cannot hold the token: skipped without a search. */
  readonly minLength: number;
}

/**
 * A Discord token's middle part: six base64url characters between two dots. Most values hold dots
 * (sentences, file names, versions) but seldom two exactly seven apart.
 */
function hasDottedSixChars(text: string): boolean {
  for (let dot = text.indexOf('.'); dot !== -1 && dot + 7 < text.length; dot = text.indexOf('.', dot + 1)) {
    if (text.charCodeAt(dot + 7) === 46 && isTokenRun(text, dot + 1, dot + 7)) return true;
  }
  return false;
}

const afterLast = (separator: string) => (secret: string) => secret.slice(secret.lastIndexOf(separator) + 1);

/*
 * Patterns whose long body must end the token (`(?![A-Za-z0-9_-])`) take the body as
 * `(?=(body{m,n}))\2` inside group 1: read once per start and never backtracked (the lookahead is
 * atomic, the backreference takes what it read). With a plain `body{m,n}`, a run of `sk-` or
 * `xoxb-` a megabyte long backtracked up to n characters at every start, about twice the cost.
 * Group 1 is the whole token, the secret findSecrets takes.
 */
export const TOKEN_KINDS: readonly TokenKind[] = [
  {
    id: 'secrets.aws-access-key-id',
    minLength: 20,
    detail: 'AWS access key id',
    prefilter: /AKIA|ASIA|ABIA|ACCA|A3T/,
    triggers: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g,
    // AWS documents AKIAIOSFODNN7EXAMPLE; the placeholder check drops any `...EXAMPLE` id.
    body: (secret) => secret.slice(4),
    minEntropy: 2.5,
  },
  {
    id: 'secrets.github-token',
    minLength: 40,
    detail: 'GitHub token',
    prefilter: /gh[pousr]_|github_pat_/,
    triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
    body: afterLast('_'),
    minEntropy: 3.5,
  },
  {
    id: 'secrets.gitlab-token',
    minLength: 26,
    detail: 'GitLab token',
    prefilter: /gl[a-z]{2,6}-/,
    triggers: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glft-',
      'glsoat-',
      'gloas-',
      'glcbt-',
      'glimt-',
      'glagent-',
    ],
    pattern:
      /(\b(?:glpat|gldt|glrt|glptt|glft|glsoat|gloas|glcbt|glimt|glagent)-(?=([A-Za-z0-9_-]{20,80}))\2)(?![A-Za-z0-9_-])/g,
    body: (secret) => secret.slice(secret.indexOf('-') + 1),
    minEntropy: 3.5,
  },
  {
    id: 'secrets.slack-token',
    minLength: 25,
    detail: 'Slack token',
    prefilter: /xox|xapp-/,
    triggers: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xapp-'],
    pattern: /(\b(?:xox[abposre]|xapp)-(?=([0-9A-Za-z-]{20,250}))\2)(?![0-9A-Za-z-])/g,
    body: (secret) => secret.slice(5),
    minEntropy: 3.0,
  },
  {
    id: 'secrets.slack-webhook',
    minLength: 60,
    detail: 'Slack incoming webhook URL',
    prefilter: /hooks\.slack\.com/,
    triggers: ['https://hooks.slack.com/'],
    pattern:
      /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,40}\b/g,
    body: afterLast('/'),
    minEntropy: 3.0,
  },
  {
    id: 'secrets.stripe-key',
    minLength: 28,
    detail: 'Stripe secret or restricted key',
    prefilter: /_live_|_test_|whsec_/,
    triggers: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'],
    pattern: /\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}|whsec_[A-Za-z0-9]{32,80})\b/g,
    body: afterLast('_'),
    minEntropy: 3.5,
  },
  {
    id: 'secrets.openai-api-key',
    minLength: 35,
    detail: 'OpenAI API key',
    prefilter: /sk-/,
    triggers: ['sk-'],
    pattern: /(\bsk-(?!ant-)(?:(?:proj|svcacct|admin)-)?(?=([A-Za-z0-9_-]{32,200}))\2)(?![A-Za-z0-9_-])/g,
    // Real keys mix cases and digits; slugs like `sk-learn-model-...` do not.
    body: (secret) => secret.replace(/^sk-(?:(?:proj|svcacct|admin)-)?/, ''),
    minEntropy: 4.0,
    minKinds: 3,
  },
  {
    id: 'secrets.anthropic-api-key',
    minLength: 45,
    detail: 'Anthropic API key',
    prefilter: /sk-ant-/,
    triggers: ['sk-ant-'],
    pattern: /(\bsk-ant-[a-z]{2,8}\d{2}-(?=([A-Za-z0-9_-]{32,200}))\2)(?![A-Za-z0-9_-])/g,
    body: (secret) => secret.slice(secret.indexOf('-', 7) + 1),
    minEntropy: 4.0,
    minKinds: 3,
  },
  {
    id: 'secrets.npm-token',
    minLength: 31,
    detail: 'npm access token',
    prefilter: /npm_|_authToken/,
    triggers: ['npm_', '_authToken'],
    pattern: /\bnpm_[A-Za-z0-9]{36}\b|_authToken\s*=\s*["']?([A-Za-z0-9_.-]{20,200})(?![A-Za-z0-9_.-])/g,
    body: (secret) => secret.replace(/^npm_/, ''),
    minEntropy: 3.3,
  },
  {
    id: 'secrets.google-api-key',
    minLength: 39,
    detail: 'Google API key',
    prefilter: /AIza/,
    triggers: ['AIza'],
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
    body: (secret) => secret.slice(4),
    minEntropy: 3.5,
  },
  {
    id: 'secrets.saas-api-token',
    // `sq0atp-` and 22 characters, the shortest token of the providers.
    minLength: 29,
    detail: saasProvider,
    // Too many prefixes for one fast literal search: every token is a long run of token characters.
    prefilter: 20,
    triggers: SAAS_TOKEN_TRIGGERS,
    pattern: SAAS_TOKEN_PATTERN,
    narrow: saasPatternFor,
    body: saasTokenBody,
    minEntropy: 3.0,
    minKinds: saasMinKinds,
  },
  {
    id: 'secrets.discord-bot-token',
    minLength: 59,
    detail: 'Discord bot token',
    prefilter: hasDottedSixChars,
    // No literal: a dot is all every token holds, too common to be worth a gate.
    triggers: [],
    pattern: /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/g,
    minEntropy: 4.0,
    minKinds: 3,
  },
];

function passes(gate: TokenKind['prefilter'], text: string): boolean {
  if (typeof gate === 'number') return hasRunOf(text, gate, isTokenChar);
  return typeof gate === 'function' ? gate(text) : gate.test(text);
}

/** The matches of one token kind in a text. */
export function findTokens(kind: TokenKind, text: string): DetectorMatch[] {
  if (text.length < kind.minLength) return [];
  const gate = kind.prefilter;
  if (!passes(gate, text)) return [];
  const pattern = kind.narrow === undefined ? kind.pattern : kind.narrow(text);
  if (pattern === null) return [];
  const body = kind.body ?? ((secret: string) => secret);
  const detail = kind.detail;
  const describe = typeof detail === 'string' ? detail : (m: RegExpExecArray) => detail(m[1] ?? m[0]);
  const minKinds = kind.minKinds ?? 1;
  return findSecrets(text, pattern, describe, (secret) =>
    looksRandom(body(secret), {
      minEntropy: kind.minEntropy,
      minKinds: typeof minKinds === 'number' ? minKinds : minKinds(secret),
    }),
  );
}
