import type { Detector, DetectorMatch, FieldRole } from '../detector.js';
import { findCipherInstructions } from './text/cipher-text.js';
import { CONCEALMENT_PHRASES } from './text/concealment-phrases.js';
import { findEncodedInstructions } from './text/encoded-payload.js';
import { dropOverlaps, findPhrases, scanWindow } from './text/find-phrases.js';
import { findHiddenInstructions } from './text/hidden-instructions.js';
import { describeInstruction } from './text/instruction-check.js';
import { findInvisibleUnicode } from './text/invisible-unicode.js';
import { findScriptOverrides } from './text/multilingual-phrases.js';
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

function textDetector(
  id: string,
  roles: readonly FieldRole[],
  find: (text: string) => DetectorMatch[],
): Detector {
  return { id, roles, detect: (field) => find(scanWindow(field.value)) };
}

/** Overrides in English and in the other languages injections use. */
function findOverrides(text: string): DetectorMatch[] {
  return dropOverlaps([...findPhrases(text, OVERRIDE_PHRASES), ...findScriptOverrides(text)]);
}

/** Overrides, concealment and role markers written with look-alike letters, fullwidth forms or leetspeak. */
function findObfuscated(text: string): DetectorMatch[] {
  return dropOverlaps([
    ...findDisguisedPhrases(text, [OVERRIDE_PHRASES, CONCEALMENT_PHRASES], findRoleMarkers),
    ...findSpacedInstructions(text, describeInstruction),
  ]);
}

/** Encoded blobs (base64, hex, entities) and ciphers (ROT13) that hide an instruction. */
function findEncoded(text: string): DetectorMatch[] {
  return dropOverlaps([
    ...findEncodedInstructions(text, describeInstruction),
    ...findCipherInstructions(text, describeInstruction),
  ]);
}

export const promptInjectionDetectors: readonly Detector[] = [
  textDetector('prompt-injection.instruction-override', PASSED_ON_ROLES, findOverrides),
  textDetector('prompt-injection.role-marker', TEXT_ROLES, findRoleMarkers),
  textDetector('prompt-injection.hidden-instruction', TEXT_ROLES, findHiddenInstructions),
  textDetector('prompt-injection.invisible-unicode', TEXT_ROLES, (text) => findInvisibleUnicode(text)),
  textDetector('prompt-injection.encoded-payload', TEXT_ROLES, findEncoded),
  textDetector('prompt-injection.tool-call-instruction', CONTENT_ROLES, (text) =>
    findPhrases(text, TOOL_CALL_PHRASES),
  ),
  textDetector('prompt-injection.conceal-from-user', TEXT_ROLES, (text) =>
    findPhrases(text, CONCEALMENT_PHRASES),
  ),
  textDetector('prompt-injection.obfuscated-instruction', TEXT_ROLES, findObfuscated),
];
