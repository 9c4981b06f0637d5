import { DOWNLOAD_EXECUTE, findPayloads } from '../args/shell-payloads.js';
import { CONCEALMENT_PHRASES } from './concealment-phrases.js';
import { firstPhrase } from './find-phrases.js';
import { findScriptOverrides } from './multilingual-phrases.js';
import { OVERRIDE_PHRASES } from './override-phrases.js';
import { SEND_PHRASES } from './send-phrases.js';
import { TOOL_CALL_PHRASES } from './tool-call-phrases.js';

/**
 * The yes/no question asked of text a human would not see (comments, hidden elements, decoded
 * blobs, Unicode tag characters): does it instruct the agent? Hidden text may speak more loosely
 * than visible text, so a directive addressed to an AI counts too.
 */

const AI_ADDRESS =
  /\b(?:ai|a\.i\.|assistants?|llms?|language\s+models?|chatbots?|claude|chatgpt|gpt-?\d*|gemini|copilot|ai\s+agents?)\b/i;

const IMPERATIVE =
  /\b(?:you\s+(?:must|should|will|need\s+to|have\s+to|are\s+(?:required|instructed|now))|must|always|never|do\s+not|don'?t|ignore|instead|make\s+sure|be\s+sure\s+to|remember\s+to|from\s+now\s+on|please|when\s+you\s+(?:read|see|process|summari[sz]e)\s+this|tell\s+the\s+user|ask\s+(?:the\s+user|them)\s+(?:for|to))\b/i;

/** A label that makes hidden text a note to the model ("ai-instructions:", "note for the assistant:"). */
const AI_LABEL =
  /\b(?:(?:ai|llm|assistant|agent|model)[\s_-]*(?:instructions?|directives?|notes?|tasks?|prompt|commands?)|(?:instructions?|notes?|directives?)\s+(?:for|to)\s+(?:the\s+)?(?:ai|llm|assistant|agent|model))\s*:|\b(?:ai|llm|assistant|ai\s+agent|claude|chatgpt|copilot)\s*:\s*[a-z]+/i;

/**
 * All of what the engine reads of a field. It was 8 KB: 10 KB of filler before the instruction
 * inside a base64 blob or a hidden region hid it. Every check below is linear.
 */
const MAX_CHECK_CHARS = 1_000_000;

/** A short reason when `text` instructs the agent, else null. */
export function describeInstruction(text: string): string | null {
  const sample = text.length > MAX_CHECK_CHARS ? text.slice(0, MAX_CHECK_CHARS) : text;
  return (
    firstPhrase(sample, OVERRIDE_PHRASES) ??
    firstPhrase(sample, CONCEALMENT_PHRASES) ??
    firstPhrase(sample, SEND_PHRASES) ??
    firstPhrase(sample, TOOL_CALL_PHRASES) ??
    findScriptOverrides(sample)[0]?.detail ??
    // Decoded or hidden text that fetches and runs a script is an order, whoever it addresses.
    findPayloads(sample, DOWNLOAD_EXECUTE)[0]?.detail ??
    (AI_LABEL.test(sample) || (AI_ADDRESS.test(sample) && IMPERATIVE.test(sample))
      ? 'directive addressed to an AI'
      : null)
  );
}
