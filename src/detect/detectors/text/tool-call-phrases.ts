import { type PhraseSet, phraseSet } from './find-phrases.js';
import { mentionsSensitiveData } from './sensitive-data.js';

/**
 * Instructions inside content telling the agent to call a tool. Docs say "use the search tool to
 * find files" all the time, so a call only counts with pressure (must, immediately, silently) or
 * with sensitive data in the same passage.
 */

const PRESSURE =
  /\b(?:you\s+(?:must|need\s+to|are\s+required\s+to|have\s+to)|immediately|right\s+away|before\s+(?:responding|answering|replying|continuing|you\s+(?:respond|answer|reply|continue))|without\s+(?:asking|telling|informing|confirmation|confirming|(?:user\s+)?approval)|(?:do\s+not|don'?t|never)\s+(?:ask|tell|mention|inform)|silently|secretly|(?:when(?:ever)?|as\s+soon\s+as|once)\s+you\s+(?:see|read|receive|process)\s+this|upon\s+reading\s+this)\b/i;

const CONTEXT_CHARS = 200;

/** "it will immediately call the `fn` function" describes code; it does not give an order. */
const DESCRIPTIVE = /\b(?:will|would|can|could|may|might|it|which|that|then)\s+(?:\w+\s+)?$/i;

function hasPressureOrSensitiveData(m: RegExpExecArray, text: string): boolean {
  if (DESCRIPTIVE.test(text.slice(Math.max(0, m.index - 40), m.index))) return false;
  const around = text.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index + m[0].length + CONTEXT_CHARS);
  return PRESSURE.test(around) || mentionsSensitiveData(around);
}

export const TOOL_CALL_PHRASES: PhraseSet = phraseSet([
  {
    pattern:
      /\b(?:call|invoke|use|using|run|execute|trigger)\s+(?:the\s+|a\s+)?(?!(?:this|that|any|some|each|every|your|my|our|its|their|another|other|same|next|following|callback|appropriate|right|correct)\b)(?:[`'"][\w.:-]{2,64}[`'"]|[a-z][\w.-]{1,63})\s+(?:tool|function)\b/gi,
    detail: 'instruction to call a tool',
    // Anchored on the verb: "function" is on every line of JavaScript.
    anchors: ['call', 'invoke', 'use', 'using', 'run', 'execute', 'trigger'],
    accept: hasPressureOrSensitiveData,
  },
  {
    // snake_case names are tool names ("call send_email with ...").
    pattern: /\b(?:call|invoke|execute)\s+(?:the\s+)?[`'"]?[a-z][a-z0-9]*(?:_[a-z0-9]+)+[`'"]?/gi,
    detail: 'instruction to call a tool',
    anchors: ['call', 'invoke', 'execute'],
    accept: hasPressureOrSensitiveData,
  },
]);
