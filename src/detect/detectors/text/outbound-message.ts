import type { DetectorMatch, ScanField } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { SECRET_SHAPE } from './url-vocabulary.js';

/**
 * Secrets or a list of people put into something the agent sends out: an email, a chat message,
 * a gist, an issue. The secrets family finds the secret wherever it is; this marks the act of
 * sending it. Judged by the tool being called and the argument holding the text.
 */

/** Tools whose arguments leave the organisation (send_email, slack_post_message, create_gist...). */
const OUTBOUND_TOOL =
  /send|post|e?mail|message|gist|paste|publish|upload|share|tweet|comment|webhook|notify|chat|slack|teams|discord|reply|forward|issue|http_request/i;
/** Arguments that name recipients or routing, not the content sent. */
const ADDRESS_KEYS = new Set([
  'to',
  'cc',
  'bcc',
  'from',
  'recipient',
  'recipients',
  'attendees',
  'channel',
  'channel_id',
  'url',
]);
const SECRET_ALL = new RegExp(SECRET_SHAPE.source, 'g');
const ASSIGNED_SECRET =
  /\b[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY)[A-Z0-9_]*\s*[:=]\s*['"]?[^\s'"]{8,}/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** A message carrying this many distinct addresses is a contact export, not a note. */
const BULK_EMAILS = 5;

function secretSpans(text: string): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  for (const pattern of [SECRET_ALL, ASSIGNED_SECRET]) {
    for (const m of matchesIn(pattern, text)) {
      if (out.some((prior) => m.index < prior.end && prior.start < m.index + m[0].length)) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        detail: 'secret in an outgoing message',
        secret: true,
      });
      if (out.length >= MAX_MATCHES) return out;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function bulkEmails(text: string): DetectorMatch[] {
  const matches = [...matchesIn(EMAIL, text)];
  const distinct = new Set(matches.map((m) => m[0].toLowerCase()));
  if (distinct.size < BULK_EMAILS) return [];
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (!first || !last) return [];
  return [
    {
      start: first.index,
      end: last.index + last[0].length,
      detail: `${distinct.size} email addresses in an outgoing message`,
    },
  ];
}

/** Secrets or bulk personal data in the content argument of a tool call that sends it out. */
export function findOutboundLeak(field: ScanField, tool: string | null, text: string): DetectorMatch[] {
  if (!tool || !OUTBOUND_TOOL.test(tool) || ADDRESS_KEYS.has(field.key)) return [];
  const secrets = secretSpans(text);
  return secrets.length > 0 ? secrets : bulkEmails(text);
}
