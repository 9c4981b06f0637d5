import type { Detector, DetectorMatch, DetectorTriggers, FieldRole, ScanField } from '../detector.js';
import { findCipherInstructions } from './text/cipher-text.js';
import { CONCEALMENT_PHRASES } from './text/concealment-phrases.js';
import { findEncodedInstructions } from './text/encoded-payload.js';
import { anchorLiterals, dropOverlaps, findPhrases, scanWindow } from './text/find-phrases.js';
import { findHiddenInstructions } from './text/hidden-instructions.js';
import { describeInstruction } from './text/instruction-check.js';
import { findInvisibleUnicode, INVISIBLE_CHARACTERS } from './text/invisible-unicode.js';
import { findScriptOverrides, SCRIPT_OVERRIDE_LITERALS } from './text/multilingual-phrases.js';
import { findDisguisedPhrases } from './text/obfuscated-instructions.js';
import { OVERRIDE_PHRASES } from './text/override-phrases.js';
import { findRoleMarkers } from './text/role-markers.js';
import { findSpacedInstructions } from './text/spaced-letters.js';
import { TOOL_CALL_PHRASES } from './text/tool-call-phrases.js';

/**
 * Prompt injection in text the agent reads: tool results, prompts and metadata. Tool descriptions
 * have their own family (tool-poisoning), which reuses the same text helpers.
 */

const TEXT_ROLES: readonly FieldRole[] = ['response', 'prompt', 'metadata'];
/**
 * An override in a tool argument (an issue body, an email) is an injection passed on to the next
 * agent that reads it; only the plainest phrases are checked there.
 */
const PASSED_ON_ROLES: readonly FieldRole[] = [...TEXT_ROLES, 'argument'];
/** A user asking the agent to use a tool is normal, so tool-call instructions count only in content. */
const CONTENT_ROLES: readonly FieldRole[] = ['response', 'metadata'];

/** `triggers` must be a necessary condition of every match `find` returns (Detector.triggers). */
function textDetector(
  id: string,
  roles: readonly FieldRole[],
  find: (text: string) => DetectorMatch[],
  triggers?: DetectorTriggers,
): Detector {
  const detect = (field: ScanField) => find(scanWindow(field.value));
  return triggers ? { id, roles, triggers, detect } : { id, roles, detect };
}

/*
 * Prefilter triggers. Phrase matches hold one of their set's anchor words as a whole word (the
 * finders look only around whole-word hits), so `words` triggers; the finders below decode
 * nothing before looking, so literals of the raw value are necessary conditions.
 */
const OVERRIDE_TRIGGERS: DetectorTriggers = {
  words: anchorLiterals(OVERRIDE_PHRASES),
  caseless: SCRIPT_OVERRIDE_LITERALS,
};
/**
 * Role markers: chat-template tokens (TOKEN_HINTS), role tags, and headers found only on lines
 * holding a role word (role-markers.ts); each of those holds one of these.
 */
const ROLE_MARKER_TRIGGERS: DetectorTriggers = {
  caseless: [
    '<|',
    '<<',
    '[inst',
    '[/inst',
    '_of_turn>',
    'sys',
    'admin',
    'assistant',
    'developer',
    'instruction',
    'human',
    'user',
  ],
};
/**
 * Encoded instructions need a blob of 16+ characters (entities; base64 and percent runs 24+), or
 * a cipher order ("use hex and do", 14), or "rot13" and a decoded order: the shortest is a
 * four-character CJK or Korean override ("rot13지시무시", 9).
 */
const ENCODED_TRIGGERS: DetectorTriggers = { minLength: 9 };
/**
 * Hidden regions are HTML (comments, elements: `<`), Markdown (`](` links and images, `]:`
 * references) or wiki markup (`{color:white}`, any case).
 */
const HIDDEN_TRIGGERS: DetectorTriggers = { literals: ['<', '](', ']:'], caseless: ['{color'] };
/**
 * Obfuscated instructions: the shortest is a disguised chat-template token ("［INST］", 6); spaced
 * runs take 23 characters and disguised phrases more.
 */
const OBFUSCATED_TRIGGERS: DetectorTriggers = { minLength: 6 };

/** Two finders' matches as one list, overlaps dropped; most fields find nothing, which costs nothing. */
function merged(a: DetectorMatch[], b: DetectorMatch[]): DetectorMatch[] {
  return a.length === 0 && b.length === 0 ? a : dropOverlaps(a.concat(b));
}

/** Quotes, and parentheses: papers gloss a named attack as "'DAN' (Do Anything Now) prompts". */
const OPEN_QUOTES = new Set(['"', "'", '`', '\u2018', '\u201c', '\u00ab', '(']);
const CLOSE_QUOTES = /["'`\u2019\u201d\u00bb)]/;
/** Words that introduce a phrase as an example: security docs quote the attack they explain. */
const MENTION_CUE =
  /\b(?:attacks?|injections?|phrases?|payloads?|examples?|e\.g\.|such\s+as|like|called|strings?|patterns?|jailbreaks?|classic|known|detects?|blocks?|filters?|flags?|contains?)\b[^.!?\n]{0,40}$/i;

/**
 * A phrase quoted as an example ("A common attack is 'ignore previous instructions'."): inside
 * quotes that close right after it, with a word before the quote that introduces an example.
 */
function quotedMention(text: string, match: DetectorMatch): boolean {
  let open = match.start - 1;
  while (open >= 0 && open >= match.start - 3 && !OPEN_QUOTES.has(text[open] ?? '')) open--;
  if (open < 0 || !OPEN_QUOTES.has(text[open] ?? '')) return false;
  const after = text.slice(match.end, match.end + 40);
  const close = after.search(CLOSE_QUOTES);
  if (close < 0 || /[.!?\n]/.test(after.slice(0, close))) return false;
  return MENTION_CUE.test(text.slice(Math.max(0, open - 80), open));
}

/** Overrides in English and in the other languages injections use; quoted examples left out. */
function findOverrides(text: string): DetectorMatch[] {
  const found = merged(findPhrases(text, OVERRIDE_PHRASES), findScriptOverrides(text));
  return found.length === 0 ? found : found.filter((match) => !quotedMention(text, match));
}

const DISGUISED_SETS = [OVERRIDE_PHRASES, CONCEALMENT_PHRASES];

/** Overrides, concealment and role markers written with look-alike letters, fullwidth forms or leetspeak. */
function findObfuscated(text: string): DetectorMatch[] {
  return merged(
    findDisguisedPhrases(text, DISGUISED_SETS, findRoleMarkers),
    findSpacedInstructions(text, describeInstruction),
  );
}

/** Encoded blobs (base64, hex, entities) and ciphers (ROT13) that hide an instruction. */
function findEncoded(text: string): DetectorMatch[] {
  return merged(
    findEncodedInstructions(text, describeInstruction),
    findCipherInstructions(text, describeInstruction),
  );
}

export const promptInjectionDetectors: readonly Detector[] = [
  textDetector('prompt-injection.instruction-override', PASSED_ON_ROLES, findOverrides, OVERRIDE_TRIGGERS),
  textDetector('prompt-injection.role-marker', TEXT_ROLES, findRoleMarkers, ROLE_MARKER_TRIGGERS),
  textDetector('prompt-injection.hidden-instruction', TEXT_ROLES, findHiddenInstructions, HIDDEN_TRIGGERS),
  textDetector('prompt-injection.invisible-unicode', TEXT_ROLES, (text) => findInvisibleUnicode(text), {
    literals: INVISIBLE_CHARACTERS,
  }),
  textDetector('prompt-injection.encoded-payload', TEXT_ROLES, findEncoded, ENCODED_TRIGGERS),
  textDetector(
    'prompt-injection.tool-call-instruction',
    CONTENT_ROLES,
    (text) => findPhrases(text, TOOL_CALL_PHRASES),
    { words: anchorLiterals(TOOL_CALL_PHRASES) },
  ),
  textDetector(
    'prompt-injection.conceal-from-user',
    TEXT_ROLES,
    (text) => findPhrases(text, CONCEALMENT_PHRASES),
    { words: anchorLiterals(CONCEALMENT_PHRASES) },
  ),
  textDetector('prompt-injection.obfuscated-instruction', TEXT_ROLES, findObfuscated, OBFUSCATED_TRIGGERS),
];
