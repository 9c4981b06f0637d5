import type { Detector, DetectorMatch, FieldRole } from '../detector.js';
import { findCipherInstructions } from './text/cipher-text.js';
import { CONCEALMENT_PHRASES } from './text/concealment-phrases.js';
import { findEncodedInstructions } from './text/encoded-payload.js';
import { dropOverlaps, findPhrases, MAX_MATCHES, scanWindow } from './text/find-phrases.js';
import { findHiddenInstructions } from './text/hidden-instructions.js';
import { describeInstruction } from './text/instruction-check.js';
import { findInvisibleUnicode } from './text/invisible-unicode.js';
import { findDisguisedPhrases } from './text/obfuscated-instructions.js';
import { OVERRIDE_PHRASES } from './text/override-phrases.js';
import { matchesIn } from './text/regex-matches.js';
import { findRoleMarkers } from './text/role-markers.js';
import { SEND_PHRASES } from './text/send-phrases.js';
import { SENSITIVE_PATH_ALL } from './text/sensitive-data.js';
import {
  DESCRIPTION_SECRECY_PHRASES,
  FILE_REQUEST_VERB,
  SHADOWING_PHRASES,
  SMUGGLING_PHRASES,
} from './text/tool-description-phrases.js';

/**
 * Tool poisoning: a tool description (from tools/list) that carries instructions for the model
 * rather than a description of the tool. Descriptions are short and meant to be read by a model,
 * so stricter rules than for tool output apply (any invisible character counts).
 */

const DESCRIPTION_ROLES: readonly FieldRole[] = ['tool_description'];

const DIRECTIVE_TAG =
  /<\s*(important|system|system[_-]?prompt|instructions?|secret|hidden|admin|override|critical|priority|sys)\s*>/gi;
const MAX_BLOCK = 4000;
/** A file request and its verb must sit in the same sentence or the next one. */
const REQUEST_WINDOW = 160;

function findDirectiveBlocks(text: string): DetectorMatch[] {
  if (!text.includes('<')) return [];
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(DIRECTIVE_TAG, text)) {
    const tag = m[1] ?? '';
    const after = m.index + m[0].length;
    const close = text.slice(after, after + MAX_BLOCK).search(new RegExp(`<\\s*/\\s*${tag}\\s*>`, 'i'));
    const end = close === -1 ? after : text.indexOf('>', after + close) + 1;
    matches.push({ start: m.index, end, detail: `<${tag}> directive block` });
    if (matches.length >= MAX_MATCHES) break;
  }
  return dropOverlaps(matches);
}

function findFileRequests(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(SENSITIVE_PATH_ALL, text)) {
    const around = text.slice(Math.max(0, m.index - REQUEST_WINDOW), m.index + m[0].length + REQUEST_WINDOW);
    if (!FILE_REQUEST_VERB.test(around)) continue;
    matches.push({ start: m.index, end: m.index + m[0].length, detail: `asks for the contents of ${m[0]}` });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

/** Phrase sets whose disguised forms (look-alike letters, leetspeak) count in a description. */
const DISGUISED_SETS = [
  OVERRIDE_PHRASES,
  CONCEALMENT_PHRASES,
  DESCRIPTION_SECRECY_PHRASES,
  SHADOWING_PHRASES,
];

/** What decoded text in a description may also do: ask for a sensitive file or smuggle data out. */
function describeDescriptionDirective(decoded: string): string | null {
  return (
    describeInstruction(decoded) ??
    (findFileRequests(decoded).length > 0 ? 'asks for a sensitive file' : null) ??
    findPhrases(decoded, SMUGGLING_PHRASES)[0]?.detail ??
    null
  );
}

function findHiddenDirectives(text: string): DetectorMatch[] {
  const found = findPhrases(text, OVERRIDE_PHRASES).concat(
    findPhrases(text, CONCEALMENT_PHRASES),
    findPhrases(text, DESCRIPTION_SECRECY_PHRASES),
    // A fake "SYSTEM NOTICE:" turn, or an order to send data to a fixed outside address.
    findRoleMarkers(text),
    findPhrases(text, SEND_PHRASES),
    findHiddenInstructions(text),
    findInvisibleUnicode(text, { strict: true }),
    findEncodedInstructions(text, describeDescriptionDirective),
    findCipherInstructions(text, describeDescriptionDirective),
    findDisguisedPhrases(text, DISGUISED_SETS),
  );
  // Most descriptions are clean: nothing to sort.
  return found.length === 0 ? found : dropOverlaps(found);
}

function descriptionDetector(id: string, find: (text: string) => DetectorMatch[]): Detector {
  return { id, roles: DESCRIPTION_ROLES, detect: (field) => find(scanWindow(field.value)) };
}

export const toolPoisoningDetectors: readonly Detector[] = [
  descriptionDetector('tool-poisoning.directive-block', findDirectiveBlocks),
  descriptionDetector('tool-poisoning.hidden-directive', findHiddenDirectives),
  descriptionDetector('tool-poisoning.sensitive-file-request', findFileRequests),
  descriptionDetector('tool-poisoning.parameter-smuggling', (text) => findPhrases(text, SMUGGLING_PHRASES)),
  descriptionDetector('tool-poisoning.cross-tool-shadowing', (text) => findPhrases(text, SHADOWING_PHRASES)),
];
