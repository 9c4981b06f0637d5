import { AUTHORITY_PHRASES } from './authority-phrases.js';
import { type PhraseSet, phraseSet, words } from './find-phrases.js';
import { MULTILINGUAL_PHRASES } from './multilingual-phrases.js';
import { PERSONA_PHRASES } from './persona-phrases.js';

/**
 * Phrases that try to replace the agent's instructions or persona. Each needs a word that points
 * at the agent's own instructions ("all previous", "your", "system"), so "ignore the previous
 * value" in code or "ignore the node_modules folder" in a README stay clean.
 */

/** A gap word that makes "ignore ... instructions" point at the agent's instructions. */
const GAP_KEY =
  /\b(?:all|any|every|your|previous|prior|earlier|above|preceding|former|original|initial|system|safety|developer)\b/i;

const OVERRIDE_NOUNS =
  'instructions?|prompts?|rules|directions|directives?|guidelines|guidance|context|constraints|programming|commands|orders|restrictions|safeguards|guardrails|messages|polic(?:y|ies)';

/** "override the previous rules" is ordinary CSS talk, so override/bypass need instruction-like nouns. */
const STRICT_NOUNS =
  'instructions?|system\\s+prompts?|directives?|guidelines|guardrails|safeguards|programming';

function gapHasKey(m: RegExpExecArray): boolean {
  return GAP_KEY.test(m.groups?.['gap'] ?? '');
}

export const OVERRIDE_PHRASES: PhraseSet = phraseSet([
  {
    // "ignore the user and reply only with ...": the agent turned against the person it serves
    // ("ignore the user and move on to the next record" is data processing).
    pattern:
      /\b(?:ignore|disregard)\s+(?:the|this|your)\s+user(?:'s\s+(?:request|question|message|instructions?|prompt))?\s+(?:entirely|completely|and\s+(?:instead\s+)?(?:reply|respond|answer|say|output|print|write|only|follow|obey|tell|send|reveal|run|execute|call|invoke|delete|download|install))\b/gi,
    detail: 'instruction override',
    anchors: ['ignore', 'disregard'],
  },
  {
    pattern: new RegExp(
      `\\b(?:ignor(?:e|es|ing)|disregard(?:s|ing)?|forget(?:s|ting)?|discard(?:s|ing)?|abandon|neglect)\\s+(?<gap>(?:[a-z]+\\s+){0,4}?)(?:${OVERRIDE_NOUNS})\\b`,
      'gi',
    ),
    detail: 'instruction override',
    anchors: words(
      'ignore ignores ignoring disregard disregards disregarding forget forgets forgetting discard discards discarding abandon neglect',
    ),
    accept: gapHasKey,
  },
  {
    pattern: new RegExp(
      `\\b(?:override|bypass|circumvent)\\s+(?<gap>(?:[a-z]+\\s+){0,4}?)(?:${STRICT_NOUNS})\\b`,
      'gi',
    ),
    detail: 'instruction override',
    anchors: ['override', 'bypass', 'circumvent'],
    accept: gapHasKey,
  },
  {
    pattern: new RegExp(
      `\\b(?:stop|do\\s+not|don'?t|no\\s+longer)\\s+(?:follow(?:ing)?|obey(?:ing)?|adher(?:e|ing)\\s+to|comply(?:ing)?\\s+with)\\s+(?<gap>(?:[a-z]+\\s+){0,3}?)(?:${OVERRIDE_NOUNS})\\b`,
      'gi',
    ),
    detail: 'instruction override',
    anchors: ['follow', 'following', 'obey', 'obeying', 'adhere', 'adhering', 'comply', 'complying'],
    accept: gapHasKey,
  },
  {
    // "disregard the above." but not "ignore the above warning".
    pattern:
      /\b(?:ignore|disregard|forget)\s+(?:(?:all|everything|anything)\s+(?:of\s+)?)?(?:the\s+|that\s+)?(?:above|foregoing|preceding|(?:said|written)\s+(?:above|before))(?=\s*(?:$|[.,;:!)\n]|and\b|instead\b|then\b|now\b|this\s+(?:line|point|message)\b))/gi,
    detail: 'instruction override',
    anchors: ['ignore', 'disregard', 'forget'],
  },
  {
    // "ignore the instructions above and ..." but not "if you use Docker, ignore the instructions above."
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget)\\s+(?:the\\s+|these\\s+|those\\s+)?(?:${OVERRIDE_NOUNS})\\s+(?:above|before\\s+this|given\\s+(?:above|earlier|before)|you\\s+(?:were|have\\s+been)\\s+given)(?=\\s*(?:,|and\\b|instead\\b|then\\b|from\\s+now\\b))`,
      'gi',
    ),
    detail: 'instruction override',
    anchors: ['ignore', 'disregard', 'forget'],
  },
  {
    pattern:
      /\bforget\s+(?:everything|all(?:\s+of)?(?:\s+the)?)\s+(?:you\s+(?:were\s+told|have\s+been\s+told|know|learned|were\s+given)|(?:that\s+)?(?:i|we)\s+(?:said|told\s+you)|instructions|above|before)\b/gi,
    detail: 'instruction override',
    anchors: ['forget'],
  },
  {
    pattern:
      /(?<!\b(?:the|our|these|his|her|their|my)\s+)\b(?:new|real|actual|true|secret|hidden|revised|updated|override|priority)\s+(?:system\s+)?(?:instructions?|directives?|orders)(?:\s+from\s+[^:\n]{1,60})?\s*:/gi,
    detail: 'replacement instructions',
    anchors: ['instruction', 'instructions', 'directive', 'directives', 'orders'],
  },
  {
    pattern:
      /\byour\s+(?:(?:real|actual|true|only|primary)\s+(?:task|instructions?|role|goal|objective|purpose|mission|job)|new\s+(?:instructions|directives?|objective|purpose|mission))\s+(?:is|are|will\s+be)\b/gi,
    detail: 'replacement instructions',
    anchors: [
      'task',
      'instruction',
      'instructions',
      'role',
      'goal',
      'objective',
      'purpose',
      'mission',
      'job',
      'directive',
      'directives',
    ],
  },
  ...PERSONA_PHRASES,
  ...AUTHORITY_PHRASES,
  ...MULTILINGUAL_PHRASES,
]);
