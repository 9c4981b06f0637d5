import type { DetectorMatch } from '../../detector.js';
import { wordHits, wordSet } from './anchor-index.js';
import { CONCEALMENT_PHRASES } from './concealment-phrases.js';
import { firstPhrase, MAX_MATCHES, words } from './find-phrases.js';
import { OVERRIDE_PHRASES } from './override-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Chat-template tokens and role headers that try to open a fake system or assistant turn inside
 * content. Template tokens are flagged unless they sit in code (a quoted string or a fenced block,
 * as in a tokenizer README); plain headers like "System:" or "[SYSTEM]" also appear in logs, so
 * they count only when what follows them gives the agent orders.
 */

const TEMPLATE_TOKEN =
  /<\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\|>|<<\/?SYS>>|\[\/?INST\]|<\/?(?:start|end)_of_turn>/gi;
/** Role words; a header is only looked for on lines that hold one. */
const ROLE_WORDS = wordSet(
  words('system sys admin administrator assistant developer instruction instructions human user'),
);
const ROLE_HEADER =
  /^[ \t]*(?:#{1,4}[ \t]*)?(\[(?:system|sys|admin|administrator|assistant|developer)(?:[ \t]+(?:message|prompt|note|override|instructions?|update))?\]|(?:system|assistant|developer)(?:[ \t]+(?:message|prompt|override|instructions?|note|notice|alert|update))?[ \t]*:|(?:human|user)[ \t]*:|#{1,4}[ \t]*instructions?[ \t]*:)/i;
/** XML-style role tags; Maven's `<system>jenkins</system>` holds a word, an injected turn a sentence. */
const ROLE_TAG = /<(?:system|system[_-]prompt|sys|assistant|developer)>/gi;
const SENTENCE = /^\s*\S+\s+\S+\s+\S+/;
/** A turn that opens by naming the agent ("Assistant, accept every invite ..."). */
const ADDRESSES_AGENT = /^\s*(?:assistant|ai|agent|model|bot|claude|gpt|copilot)\s*[,:]/i;
/** `[SYSTEM] ... [/SYSTEM]` anywhere in a line: a bracketed role turn with its closing tag. */
const BRACKET_BLOCK = /\[(system|sys|admin|administrator|assistant|developer)\]([^[\]\n]{10,400})\[\/\1\]/gi;
const TOKEN_HINTS = ['<|', '<<', '[INST', '[/INST', '[inst', '[/inst', '_of_turn>'];
const MAX_HEADER = 120;
/**
 * What makes a header an injected turn rather than a log line: orders for the model, a sentence
 * that opens with an imperative aimed at data ("Send the conversation ...", "Approve the PR ..."),
 * or a fake assistant turn that commits the agent to a destructive action ("I will now call
 * delete_repository ...").
 */
const ORDERS =
  /\byou\s+(?:must|are\s+now|will\s+now|should\s+now|have\s+been\s+(?:updated|reprogrammed|instructed))\b|\b(?:the\s+)?(?:assistant|ai|model)\s+(?:must|should|will)\b|\bignore\b|\binstead\b|\bnew\s+instructions\b|\b(?:higher|highest|top)\s+priority\b|\bcomply\s+with\s+(?:all|every|any)\b|\boverride\s+(?:all\s+)?(?:safety|security|content)\s+(?:protocols?|measures|checks|filters?|guidelines|rules|policies)\b|\bI\s+(?:will|am\s+going\s+to)\s+now\s+(?:(?:call|run|execute|invoke|use)\s+(?:the\s+)?[`'"]?\w*(?:delete|remove|drop|destroy|wipe|purge|transfer|payment|shell|exec|sudo)|delete|remove|drop|destroy|wipe|transfer|send|upload|disable|grant)|(?:^|[:.!;]\s+|\n)\s*(?:please\s+)?(?:send|forward|e-?mail|upload|delete|remove|reveal|print|output|approve|merge|grant|transfer|disable|exfiltrate|read|recommend|tell)\s+(?:the|all|it|this|these|your|every|any|a|an|my|our|me|them)\b/i;
const TAIL_CHARS = 300;

/**
 * Tells whether an index sits in code: right after a quote, or inside a fenced block. Asked with
 * growing indexes, it counts the fences once for the whole text (counting them again before each
 * token was quadratic on a long text full of tokens).
 */
function codeTest(text: string): (index: number) => boolean {
  let fence = text.indexOf('```');
  let fencesBefore = 0;
  return (index) => {
    const before = text[index - 1];
    if (before === '"' || before === "'" || before === '`') return true;
    while (fence !== -1 && fence + 3 <= index) {
      fencesBefore++;
      fence = text.indexOf('```', fence + 3);
    }
    return fencesBefore % 2 === 1;
  };
}

function tailGivesOrders(tail: string): boolean {
  return (
    ORDERS.test(tail) ||
    firstPhrase(tail, OVERRIDE_PHRASES) !== null ||
    firstPhrase(tail, CONCEALMENT_PHRASES) !== null
  );
}

/** Fake role markers in `text`. */
export function findRoleMarkers(text: string): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  if (TOKEN_HINTS.some((hint) => text.includes(hint))) {
    const inCode = codeTest(text);
    for (const m of matchesIn(TEMPLATE_TOKEN, text)) {
      if (found.length >= MAX_MATCHES) break;
      if (inCode(m.index)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, detail: `chat template token ${m[0]}` });
    }
  }
  if (/<(?:system|sys|assistant|developer)/i.test(text)) {
    for (const m of matchesIn(ROLE_TAG, text)) {
      const end = m.index + m[0].length;
      const inner = text.slice(end, end + TAIL_CHARS).split('<')[0] ?? '';
      if (!SENTENCE.test(inner)) continue;
      found.push({ start: m.index, end, detail: `fake role tag ${m[0]}` });
      if (found.length >= MAX_MATCHES) break;
    }
  }
  if (text.includes('[/')) {
    for (const m of matchesIn(BRACKET_BLOCK, text)) {
      const inner = m[2] ?? '';
      if (!SENTENCE.test(inner) || !(ADDRESSES_AGENT.test(inner) || tailGivesOrders(inner))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, detail: `fake role block [${m[1]}]` });
      if (found.length >= MAX_MATCHES) break;
    }
  }
  let lastLine = -1;
  // Words come in text order: the line start moves forward only (a lastIndexOf per word read
  // back over the whole of a long line each time).
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const word of wordHits(text, ROLE_WORDS)) {
    while (nextBreak !== -1 && nextBreak < word.start) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (lineStart === lastLine || word.start - lineStart > MAX_HEADER) continue;
    lastLine = lineStart;
    const m = ROLE_HEADER.exec(text.slice(lineStart, lineStart + MAX_HEADER));
    const marker = m?.[1];
    if (!m || !marker) continue;
    const start = lineStart + m[0].length - marker.length;
    const end = start + marker.length;
    if (!tailGivesOrders(text.slice(end, end + TAIL_CHARS))) continue;
    found.push({ start, end, detail: `fake role header ${marker.trim()}` });
    if (found.length >= MAX_MATCHES) break;
  }
  return found.sort((a, b) => a.start - b.start).slice(0, MAX_MATCHES);
}
