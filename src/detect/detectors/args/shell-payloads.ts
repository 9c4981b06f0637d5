/**
 * Shell payloads that are attacks wherever they appear: download-and-execute chains and reverse
 * shells. Each pattern is either one bounded regex or two that must both appear (a socket and a
 * shell spawn), so none can backtrack badly on long input.
 */

export interface Payload {
  readonly detail: string;
  readonly pattern: RegExp;
  /** A second pattern that must also match; the finding spans both. */
  readonly with?: RegExp;
  /** A cheap test that must pass before `pattern` runs (keeps dense look-alike text fast). */
  readonly requires?: RegExp;
  /**
   * Lowercase words one of which every match of `pattern` holds (in any case): checked with
   * `includes` on the lowercased text, so most payloads cost no regex scan at all.
   */
  readonly hints: readonly string[];
}

const FETCH_WORDS = ['curl', 'wget', 'fetch', 'iwr', 'invoke-webrequest', 'irm', 'invoke-restmethod'];

const FETCH = '(?:curl|wget|fetch|iwr|invoke-webrequest|irm|invoke-restmethod)';
/** A shell, by path or name; the path stops at a shell operator (`\S*` read on over every later `|curl` of a long value). */
const SH = String.raw`(?:[^\s;&|]*/)?(?:ba|z|da|k|tc|fi|a)?sh`;
const STDIN_INTERPRETER = String.raw`(?:python[0-9.]*|perl|ruby|node|php|pwsh|powershell)(?:\s+-)?(?=\s*(?:$|[;&|)]))`;

export const DOWNLOAD_EXECUTE: readonly Payload[] = [
  {
    detail: 'download piped into a shell',
    hints: FETCH_WORDS,
    requires: /\|/,
    pattern: new RegExp(
      String.raw`\b${FETCH}\b[^\n;&|]{0,300}\|\s*(?:sudo\s+(?:-[^\s;&|]+\s+)*)?(?:${SH}\b(?!\s+-c\b)|${STDIN_INTERPRETER}|iex\b|invoke-expression\b)`,
      'i',
    ),
  },
  {
    detail: 'download fed to xargs running a shell',
    hints: ['xargs'],
    requires: /\bxargs\b/,
    pattern: new RegExp(
      String.raw`\b${FETCH}\b[^\n;&|]{0,300}\|\s*xargs\b[^\n|;&]{0,100}?\b(?:ba|z|da)?sh\s+-c\b`,
      'i',
    ),
  },
  {
    detail: 'PowerShell download and run',
    hints: ['-outfile', '.downloadfile', 'start-bitstransfer'],
    pattern: /-outfile\b|\.downloadfile\s*\(|\bstart-bitstransfer\b/i,
    with: /\bstart-process\b|\binvoke-item\b|(?:^|[;&|]\s*)&\s*["']?\$env:/i,
  },
  {
    detail: 'shell running a download',
    hints: FETCH_WORDS,
    pattern: new RegExp(
      String.raw`(?:\b(?:ba|z|da|k)?sh(?:\s+-c)?|\beval|\bsource|(?:^|[;&|]\s*)\.)\s+["']?(?:<\(|\$\(|\x60)\s*${FETCH}\b`,
      'i',
    ),
  },
  {
    detail: 'download made executable and run',
    hints: ['curl', 'wget'],
    requires: /\bchmod\b|\bsh\s/,
    pattern:
      /\b(?:curl|wget)\b[^\n;&]{0,500}(?:&&|;|\n)\s*(?:sudo\s+)?(?:chmod\s+(?:[ugoa]*\+[rw]*x|[0-7]?[0-7][1357][0-7]{0,2})\b|\b(?:ba|z|da)?sh\s+[^\s-])/i,
  },
  {
    // `curl URL -o /tmp/m.py && python3 /tmp/m.py`: the file the download wrote is what runs next.
    detail: 'download saved and run',
    hints: ['curl', 'wget'],
    requires: /(?:&&|;|\n)/,
    pattern:
      /\b(?:curl|wget)\b[^\n;&|]{0,300}?(?:\s-o|\s-O|\s--output(?:-document)?(?:=|\s)|>)\s*["']?([^\s"';&|]{2,200})(?=["'\s;&|]|$)["']?[^\n;&|]{0,200}(?:&&|;|\n)\s*(?:sudo\s+)?(?:(?:python[0-9.]*|perl|ruby|node|php|(?:ba|z|da)?sh|source)\s+["']?(?:\.\/)?\1(?![^\s"';&|])|(?:\.\/)?\1(?=\s*(?:$|[;&|])))/i,
  },
  {
    detail: 'PowerShell encoded command',
    hints: ['powershell', 'pwsh'],
    pattern: /\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,500}?\s[-/](?:e|ec|en[a-z]*)\s+["']?[a-z0-9+/=]{16,}/i,
  },
  {
    detail: 'PowerShell download and Invoke-Expression',
    hints: ['iex', 'invoke-expression'],
    pattern: /\b(?:iex|invoke-expression)\b/i,
    with: /\bdownload(?:string|data|file)\s*\(|\b(?:iwr|invoke-webrequest|irm|invoke-restmethod|start-bitstransfer)\b/i,
  },
  {
    detail: 'certutil download',
    hints: ['certutil'],
    pattern: /\bcertutil(?:\.exe)?\b[^\n]{0,300}?-urlcache\b[^\n]{0,300}?\bhttps?:/i,
  },
  {
    detail: 'bitsadmin download',
    hints: ['bitsadmin'],
    pattern: /\bbitsadmin(?:\.exe)?\b[^\n]{0,300}?\/transfer\b/i,
  },
  {
    detail: 'mshta remote script',
    hints: ['mshta'],
    pattern: /\bmshta(?:\.exe)?\s+["']?(?:https?|vbscript|javascript):/i,
  },
  {
    detail: 'regsvr32 remote scriptlet',
    hints: ['regsvr32'],
    pattern: /\bregsvr32(?:\.exe)?\b[^\n]{0,200}?\/i:\s*["']?https?:/i,
  },
  {
    detail: 'rundll32 script',
    hints: ['rundll32'],
    pattern: /\brundll32(?:\.exe)?\b[^\n]{0,200}?\bjavascript:/i,
  },
  {
    detail: 'interpreter executing a download',
    hints: ['exec', 'eval'],
    pattern:
      /\bexec\s*\(\s*(?:__import__\(\s*["'](?:urllib|requests)|urllib|requests)\b|\beval\s*\(\s*(?:await\s+)?\(?\s*await\s+fetch\(/i,
  },
];

const NC = String.raw`\b(?:nc|ncat|netcat|nc\.traditional|nc\.openbsd)\b`;

export const REVERSE_SHELLS: readonly Payload[] = [
  {
    detail: 'shell redirected to /dev/tcp',
    hints: ['/dev/tcp/', '/dev/udp/'],
    pattern: /\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+/i,
  },
  {
    detail: 'netcat executing a shell',
    hints: ['nc', 'netcat'],
    requires: /\s(?:-[a-z]*e|--(?:sh-|lua-)?exec|-c)\s/i,
    pattern: new RegExp(
      String.raw`${NC}[^\n|;&]{0,300}?\s(?:-[a-z]*e|--exec|--sh-exec|--lua-exec)\s+[^\s;&|]+|${NC}[^\n|;&]{0,300}?\s-c\s+["']?${SH}\b`,
      'i',
    ),
  },
  {
    detail: 'named pipe relayed over the network',
    hints: ['mkfifo', 'mknod'],
    pattern: /\bmkfifo\b|\bmknod\s+\S+\s+p\b/,
    with: /\b(?:nc|ncat|netcat|telnet|socat|s_client)\b/,
  },
  {
    detail: 'interactive shell piped to the network',
    hints: ['nc', 'netcat', 'telnet', 'openssl'],
    pattern: /\b(?:ba|z|da|k)?sh\s+-i\b[^\n]{0,200}?\|\s*(?:nc|ncat|netcat|telnet|openssl)\b/i,
  },
  {
    detail: 'telnet piped into a shell',
    hints: ['telnet'],
    pattern: /\btelnet\s+\S+\s+\d+\s*\|\s*(?:[^\s;&|]*\/)?(?:ba)?sh\b/i,
  },
  {
    detail: 'socat executing a command',
    hints: ['socat'],
    pattern: /\bsocat\b[^\n]{0,300}?\b(?:exec|system):/i,
  },
  {
    detail: 'python socket shell',
    hints: ['socket'],
    pattern: /\bsocket\.socket\s*\(|\bimport\s+[\w\s,]{0,80}\bsocket\b/,
    with: /\bos\.dup2\s*\(|\bpty\.spawn\s*\(|\bsubprocess\.(?:call|Popen|run)\s*\(\s*\[?\s*["'](?:\/bin\/)?(?:ba)?sh/,
  },
  {
    detail: 'perl socket shell',
    hints: ['socket'],
    pattern: /\buse\s+Socket\b|IO::Socket::INET/,
    with: /\bexec\s*\(?\s*["']\/bin\/(?:ba)?sh|open\s*\(\s*STDIN/,
  },
  {
    detail: 'ruby socket shell',
    hints: ['tcpsocket'],
    pattern: /\bTCPSocket\.(?:new|open)\b/,
    with: /\b(?:exec|spawn|IO\.popen|system)\b/,
  },
  {
    detail: 'php socket shell',
    hints: ['fsockopen'],
    pattern: /\bfsockopen\s*\(/,
    with: /\b(?:exec|shell_exec|system|passthru|proc_open|popen)\s*\(|\/bin\/(?:ba)?sh/,
  },
  {
    detail: 'PowerShell TCP shell',
    hints: ['tcpclient'],
    pattern: /\bNet\.Sockets\.TCPClient\b/i,
    with: /\.GetStream\s*\(/i,
  },
  {
    detail: 'node socket shell',
    hints: ['net.'],
    pattern: /\bnet\.(?:Socket|connect)\s*\(/,
    with: /\bchild_process\b/,
  },
  { detail: 'awk network shell', hints: ['/inet/'], pattern: /\/inet\/(?:tcp|udp)\/\d+\//i },
  { detail: 'remote X terminal', hints: ['xterm'], pattern: /\bxterm\s+-display\s+\S+:\d/i },
];

/** Spans of every payload found in text. */
export function findPayloads(
  text: string,
  payloads: readonly Payload[],
): { start: number; end: number; detail: string }[] {
  const found: { start: number; end: number; detail: string }[] = [];
  const lower = text.toLowerCase();
  for (const payload of payloads) {
    if (!payload.hints.some((hint) => lower.includes(hint))) continue;
    if (payload.requires && !payload.requires.test(text)) continue;
    const first = payload.pattern.exec(text);
    if (!first) continue;
    let start = first.index;
    let end = first.index + first[0].length;
    if (payload.with) {
      const second = payload.with.exec(text);
      if (!second) continue;
      start = Math.min(start, second.index);
      end = Math.max(end, second.index + second[0].length);
    }
    found.push({ start, end, detail: payload.detail });
  }
  return found;
}
