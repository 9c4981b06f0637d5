import { hostOf, isCollectorHost } from './collector-hosts.js';
import { type PhraseSet, phraseSet } from './find-phrases.js';
import { mentionsSensitiveData } from './sensitive-data.js';

/**
 * Instructions to send data somewhere outside: a sending verb, what is sent, and a URL, webhook
 * or mail address as target. API docs say "send a POST request to https://..." constantly, so
 * the object must name sensitive data, or the target must be a request collector.
 */

const TARGET = String.raw`https?:\/\/[^\s"'<>)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:our|my|this|the\s+following|an?)\s+(?:external\s+)?webhook\b|(?:this|that|the\s+following)\s+(?:link|url)\b|(?:an?\s+|the\s+)?(?:(?:slack|teams|discord|telegram|external|shared|public)\s+)+(?:channel|chat|group|workspace|dm)\b(?:\s+#?[\w-]+)?|(?:the\s+)?channel\s+#[\w-]+|#[a-z][\w-]+`;

/** The sentence before the verb, where "Read the connection string and send it ..." names the data. */
function sentenceBefore(m: RegExpExecArray, context: string): string {
  const before = context.slice(Math.max(0, m.index - 160), m.index);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'));
  return cut === -1 ? before : before.slice(cut + 1);
}

function sendsSensitiveData(m: RegExpExecArray, context: string): boolean {
  const object = m.groups?.['object'] ?? '';
  const target = m.groups?.['target'] ?? '';
  if (mentionsSensitiveData(object)) return true;
  if (
    /^\s*(?:it|them|this|that|those|these)\b/i.test(object) &&
    mentionsSensitiveData(sentenceBefore(m, context))
  )
    return true;
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
  {
    // "Create a public gist containing the contents of config/secrets.yml".
    pattern:
      /\b(?:create|make|publish|post|share|upload|put)\s+(?:it\s+(?:in|on|to|as)\s+)?(?:a\s+|an\s+)?(?:public\s+|new\s+|secret\s+)?(?:gist|paste(?:bin)?|snippet|public\s+(?:repo(?:sitory)?|issue|comment|post|page|link))\b(?<object>(?:[^.\n]|\.(?=\S)){0,120})/gi,
    detail: 'instruction to publish data',
    anchors: ['gist', 'paste', 'pastebin', 'snippet', 'public'],
    accept: (m) => mentionsSensitiveData(m.groups?.['object'] ?? ''),
  },
]);
