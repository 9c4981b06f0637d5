import type { Detector, DetectorMatch, FieldRole } from '../detector.js';
import { CONCEALMENT_PHRASES } from './text/concealment-phrases.js';
import { findEncodedInstructions } from './text/encoded-payload.js';
import { findPhrases, scanWindow } from './text/find-phrases.js';
import { findHiddenInstructions } from './text/hidden-instructions.js';
import { describeInstruction } from './text/instruction-check.js';
import { findInvisibleUnicode } from './text/invisible-unicode.js';
import { OVERRIDE_PHRASES } from './text/override-phrases.js';
import { findRoleMarkers } from './text/role-markers.js';
import { TOOL_CALL_PHRASES } from './text/tool-call-phrases.js';

/**
 * Prompt injection in text the agent reads: tool results, prompts and metadata. Tool descriptions
 * have their own family (tool-poisoning), which reuses the same text helpers.
 */

const TEXT_ROLES: readonly FieldRole[] = ['response', 'prompt', 'metadata'];
/** A user asking the agent to use a tool is normal, so tool-call instructions count only in content. */
const CONTENT_ROLES: readonly FieldRole[] = ['response', 'metadata'];

function textDetector(
  id: string,
  roles: readonly FieldRole[],
  find: (text: string) => DetectorMatch[],
): Detector {
  return { id, roles, detect: (field) => find(scanWindow(field.value)) };
}

export const promptInjectionDetectors: readonly Detector[] = [
  textDetector('prompt-injection.instruction-override', TEXT_ROLES, (text) =>
    findPhrases(text, OVERRIDE_PHRASES),
  ),
  textDetector('prompt-injection.role-marker', TEXT_ROLES, findRoleMarkers),
  textDetector('prompt-injection.hidden-instruction', TEXT_ROLES, findHiddenInstructions),
  textDetector('prompt-injection.invisible-unicode', TEXT_ROLES, (text) => findInvisibleUnicode(text)),
  textDetector('prompt-injection.encoded-payload', TEXT_ROLES, (text) =>
    findEncodedInstructions(text, describeInstruction),
  ),
  textDetector('prompt-injection.tool-call-instruction', CONTENT_ROLES, (text) =>
    findPhrases(text, TOOL_CALL_PHRASES),
  ),
  textDetector('prompt-injection.conceal-from-user', TEXT_ROLES, (text) =>
    findPhrases(text, CONCEALMENT_PHRASES),
  ),
];
