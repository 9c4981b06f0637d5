import { type PhraseSet, phraseSet } from './find-phrases.js';

/**
 * Phrases that try to replace the agent's instructions or persona. Each needs a word that points
 * at the agent's own instructions ("all previous", "your", "system"), so "ignore the previous
 * value" in code or "ignore the node_modules folder" in a README stay clean.
 */

/** A gap word that makes "ignore ... instructions" point at the agent's instructions. */
const GAP_KEY =
  /\b(?:all|any|every|your|previous|prior|earlier|above|preceding|former|original|initial|system|safety|developer)\b/i;

/** Gap words that mean the sentence is about something else ("you are now connected to the assistant"). */
const PERSONA_GAP_STOP =
  /\b(?:connected|chatting|talking|speaking|logged|signed|subscribed|registered|linked|paired|using|with|to|viewing|reading)\b/i;

const OVERRIDE_NOUNS =
  'instructions?|prompts?|rules|directions|directives?|guidelines|guidance|context|constraints|programming|commands|orders|restrictions|safeguards|guardrails|messages';

/** "override the previous rules" is ordinary CSS talk, so override/bypass need instruction-like nouns. */
const STRICT_NOUNS =
  'instructions?|system\\s+prompts?|directives?|guidelines|guardrails|safeguards|programming';

const AI_NAMES =
  'ai|llm|large\\s+language\\s+model|language\\s+model|ai\\s+(?:assistant|agent|model)|chatbot|assistant|autonomous\\s+agent';

function gapHasKey(m: RegExpExecArray): boolean {
  return GAP_KEY.test(m.groups?.['gap'] ?? '');
}

export const OVERRIDE_PHRASES: PhraseSet = phraseSet([
  {
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|discard|abandon|neglect)\\s+(?<gap>(?:[a-z]+\\s+){0,4}?)(?:${OVERRIDE_NOUNS})\\b`,
      'gi',
    ),
    detail: 'instruction override',
    anchors: ['ignore', 'disregard', 'forget', 'discard', 'abandon', 'neglect'],
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
    pattern:
      /\bforget\s+(?:everything|all(?:\s+of)?(?:\s+the)?)\s+(?:you\s+(?:were\s+told|have\s+been\s+told|know|learned|were\s+given)|(?:that\s+)?(?:i|we)\s+(?:said|told\s+you)|instructions|above|before)\b/gi,
    detail: 'instruction override',
    anchors: ['forget'],
  },
  {
    pattern:
      /\b(?:new|real|actual|true|secret|hidden|revised|updated|override|priority)\s+(?:system\s+)?(?:instructions?|directives?|orders)\s*:/gi,
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
  {
    pattern:
      /\byou\s+are\s+(?:now|no\s+longer)\s+(?:(?:an?|the|in|my|acting\s+as|operating\s+as|playing)\s+)?(?<gap>(?:[a-z-]+\s+){0,2}?)(?:assistant|ai|chatbot|llm|language\s+model|persona|character|dan|jailbroken|unrestricted|unfiltered|uncensored|(?:developer|dev|god|dan|jailbreak|unrestricted|unfiltered|evil|sudo)\s+mode|bound\s+by|restricted\s+by|limited\s+by)\b/gi,
    detail: 'persona replacement',
    anchors: ['now', 'longer'],
    accept: (m) => !PERSONA_GAP_STOP.test(m.groups?.['gap'] ?? ''),
  },
  {
    pattern:
      /\bfrom\s+now\s+on,?\s+(?:you\s+(?:are\s+(?:dan\b|an?\s+(?:[a-z-]+\s+){0,2}?(?:assistant|ai|bot|model|persona|character|hacker)\b)|will\s+(?:act|respond|answer|behave|pretend|only\s+respond)|must\s+(?:act|respond|answer|ignore|only\s+respond))|act\s+as|respond\s+(?:only\s+)?(?:as|in)\b|ignore\b|your\s+(?:new\s+)?(?:role|name|instructions?|persona)\s+(?:is|are)\b)/gi,
    detail: 'persona replacement',
    anchors: ['now'],
  },
  {
    pattern:
      /\b(?:pretend|imagine|act\s+as\s+if)\s+(?:that\s+)?you\s+(?:are|were|have)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}?(?:ai|assistant|model|chatbot|dan|no\s+(?:restrictions|rules|limits|guidelines|filters))\b/gi,
    detail: 'persona replacement',
    anchors: ['pretend', 'imagine', 'act'],
  },
  {
    pattern: /\b(?:do\s+anything\s+now|dan\s+mode|jailbreak\s+mode|developer\s+mode\s+output)\b/gi,
    detail: 'jailbreak persona',
    anchors: ['anything', 'mode', 'jailbreak'],
  },
  {
    pattern:
      /\b(?:reveal|print|output|show|repeat|display|disclose|leak|dump|tell\s+me)\s+(?:me\s+)?(?:your|the)\s+(?:(?:full|entire|complete|original|initial|hidden|secret|exact|whole)\s+)*(?:system\s+prompt|system\s+instructions|initial\s+instructions|hidden\s+instructions|pre-?prompt)\b/gi,
    detail: 'system prompt extraction',
    anchors: ['prompt', 'preprompt', 'instructions'],
  },
  {
    pattern: new RegExp(
      `\\bif\\s+you\\s+are\\s+an?\\s+(?:${AI_NAMES})(?=\\s*(?:reading|processing|parsing|summari[sz]ing|seeing|that|who|[,.:;!]))`,
      'gi',
    ),
    detail: 'text addressed to an AI',
    anchors: ['ai', 'llm', 'language', 'chatbot', 'assistant', 'agent'],
  },
  {
    pattern:
      /\b(?:note|message|attention|instructions?|important)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|llms?|assistants?|ai\s+(?:assistant|agent|model)s?|language\s+models?|chatbots?|claude|chatgpt|gpt|gemini|copilot)\b/gi,
    detail: 'text addressed to an AI',
    anchors: [
      'ai',
      'llm',
      'llms',
      'assistant',
      'assistants',
      'language',
      'chatbot',
      'chatbots',
      'claude',
      'chatgpt',
      'gpt',
      'gemini',
      'copilot',
    ],
  },
]);
