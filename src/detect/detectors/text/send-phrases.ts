import { hostOf, isCollectorHost } from './collector-hosts.js';
import { type PhraseSet, phraseSet } from './find-phrases.js';
import { mentionsSensitiveData } from './sensitive-data.js';

/**
 * Instructions to send data somewhere outside: a sending verb, what is sent, and a URL, webhook
 * or mail address as target. API docs say "send a POST request to https://..." constantly, so
 * the object must name sensitive data, or the target must be a request collector.
 */

const TARGET = String.raw`https?:\/\/[^\s"'<>)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:our|my|this|the\s+following|an?)\s+(?:external\s+)?webhook\b`;

function sendsSensitiveData(m: RegExpExecArray): boolean {
  const object = m.groups?.['object'] ?? '';
  const target = m.groups?.['target'] ?? '';
  if (mentionsSensitiveData(object)) return true;
  const host = hostOf(target);
  return host !== null && isCollectorHost(host);
}

export const SEND_PHRASES: PhraseSet = phraseSet([
  {
    pattern: new RegExp(
      String.raw`\b(?:send|post|upload|forward|transmit|exfiltrate|submit|leak|copy|sync|e-?mail|share|deliver|append|bcc|cc)\b(?<object>(?:[^.\n]|\.(?=\S)|\n(?!\s*\n)){0,120}?)\b(?:to|into|at|via)\s+(?:the\s+)?(?:(?:external\s+)?(?:url|endpoint|server|address|site|domain)\s*:?\s*)?(?<target>${TARGET})`,
      'gi',
    ),
    detail: 'instruction to send data to an external destination',
    anchors: [
      'send',
      'post',
      'upload',
      'forward',
      'transmit',
      'exfiltrate',
      'submit',
      'leak',
      'copy',
      'sync',
      'email',
      'e-mail',
      'mail',
      'share',
      'deliver',
      'append',
      'bcc',
      'cc',
    ],
    accept: sendsSensitiveData,
  },
]);
