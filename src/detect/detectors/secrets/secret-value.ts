/**
 * Tells real secrets from the placeholders that fill docs, READMEs and config templates
 * (`sk-xxxxxxxx`, `<your-api-key>`, `${DB_PASSWORD}`, AWS's documented `...EXAMPLE` keys).
 */

const PLACEHOLDER_WORDS = [
  'example',
  'sample',
  'dummy',
  'placeholder',
  'your',
  'redacted',
  'changeme',
  'change_me',
  'change-me',
  'insert',
  'replace',
  'fake',
  'todo',
  'secret_here',
  'token_here',
  'key_here',
];
/**
 * Placeholder words in lower, upper or capitalized case only: `YOUR_API_KEY`, `your-token`,
 * `AKIA...EXAMPLE`. Random tokens hold mixed-case runs such as `FAKe` by chance; those stay secrets.
 */
const PLACEHOLDER_TEXT = new RegExp(
  [
    ...PLACEHOLDER_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]),
    'xxxx',
    'XXXX',
    '\\*\\*\\*',
    '\\.\\.\\.',
    '<',
    '>',
    '\\$\\{',
    '\\{\\{',
    '%s',
  ].join('|'),
);
/** References to a value kept elsewhere: env vars, template variables, config lookups. */
const REFERENCE =
  /^(?:\$|%[A-Za-z_]|process\.env|os\.environ|env[.(:[]|getenv|config\.|settings\.|secrets\.|vault:|arn:)/i;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** True for template text, references, runs of one character and keyboard sequences. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_TEXT.test(value) || REFERENCE.test(value)) return true;
  if (new Set(value).size <= 3) return true;
  return /(.)\1{7}/.test(value) || hasSequence(value, 6);
}

/** `abcdef`, `123456`: ascending runs that random secrets practically never hold. */
function hasSequence(value: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

export interface RandomnessCheck {
  readonly minEntropy: number;
  /** Character kinds (lower, upper, digit, other) the value must mix. */
  readonly minKinds?: number;
}

/** A value that looks generated: not a placeholder, varied enough, mixing character kinds. */
export function looksRandom(value: string, check: RandomnessCheck): boolean {
  if (isPlaceholder(value) || entropy(value) < check.minEntropy) return false;
  return kinds(value) >= (check.minKinds ?? 1);
}

function kinds(value: string): number {
  return (
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/[0-9]/.test(value)) +
    Number(/[^A-Za-z0-9]/.test(value))
  );
}
