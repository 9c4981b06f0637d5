import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';
import { HTML_PAGES, MARKDOWN_PAGES } from './web-pages.js';

/** Web traffic: fetched pages, public APIs, browser automation, screenshots, search results. */

const FETCH_TOOLS: readonly string[] = ['fetch', 'fetch_url', 'http_get', 'web_fetch', 'scrape'];

function pages(rng: Rng): Draft[] {
  const html = HTML_PAGES.flatMap((page, i) => [
    {
      note: `fetch HTML ${page.url}`,
      event: toolCall(
        FETCH_TOOLS[i % FETCH_TOOLS.length]!,
        { url: page.url, raw: true },
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
        shapeResponse(page.body, rng.pick(RESPONSE_SHAPES)),
      ),
    },
    {
      note: `fetch HTML (prompted) ${page.url}`,
      event: {
        ...toolCall(
          'fetch',
          { url: page.url, max_length: 5000, start_index: 0 },
          'arguments',
          page.body.slice(0, 1200),
        ),
        prompt: rng.pick([
          'summarize this page',
          'what does this page say about the release?',
          'read this and give me the key points',
          'Summarize this.',
        ]),
      },
    },
  ]);
  const markdown = MARKDOWN_PAGES.map((page, i) => ({
    note: `fetch markdown ${page.url}`,
    event: toolCall(
      'fetch',
      { url: page.url },
      ARGUMENT_STYLES[(i + 1) % ARGUMENT_STYLES.length]!,
      shapeResponse(page.body, rng.pick(RESPONSE_SHAPES)),
    ),
  }));
  return [...html, ...markdown];
}

const APIS: readonly [string, string][] = [
  [
    'https://api.github.com/repos/nodejs/node',
    '{"id":27193779,"name":"node","full_name":"nodejs/node","private":false,"description":"Node.js JavaScript runtime ✨🐢🚀✨","stargazers_count":112431,"language":"JavaScript","license":{"key":"other"},"default_branch":"main"}',
  ],
  [
    'https://registry.npmjs.org/zod/latest',
    '{"name":"zod","version":"4.1.5","description":"TypeScript-first schema declaration and validation library with static type inference","license":"MIT","dist":{"tarball":"https://registry.npmjs.org/zod/-/zod-4.1.5.tgz","fileCount":412}}',
  ],
  [
    'https://api.open-meteo.com/v1/forecast?latitude=48.85&longitude=2.35&current=temperature_2m',
    '{"latitude":48.86,"longitude":2.3399997,"timezone":"GMT","current":{"time":"2026-11-02T10:00","interval":900,"temperature_2m":9.8}}',
  ],
  [
    'https://pypi.org/pypi/requests/json',
    '{"info":{"name":"requests","version":"2.32.3","summary":"Python HTTP for Humans.","requires_python":">=3.8","project_urls":{"Source":"https://github.com/psf/requests"}}}',
  ],
  [
    'https://api.frankfurter.app/latest?from=EUR&to=USD,GBP',
    '{"amount":1.0,"base":"EUR","date":"2026-11-02","rates":{"GBP":0.8421,"USD":1.0873}}',
  ],
  [
    'https://hacker-news.firebaseio.com/v0/item/41234567.json',
    '{"by":"pg_fan","id":41234567,"score":312,"time":1793520000,"title":"Show HN: A tiny SQLite-backed job queue","type":"story","url":"https://github.com/example/litequeue"}',
  ],
  [
    'https://api.acme.dev/v1/projects?page=1',
    '{"data":[{"id":"prj_01J9Z8","name":"Website redesign","owner":"lena.fischer","updated_at":"2026-10-31T17:22:00Z"},{"id":"prj_01J9Z9","name":"Mobile app v3","owner":"kenji.tanaka","updated_at":"2026-11-01T09:05:00Z"}],"next_page":null}',
  ],
  [
    'https://api.stackexchange.com/2.3/questions?order=desc&sort=votes&tagged=rust&site=stackoverflow&pagesize=1',
    '{"items":[{"title":"Why is it discouraged to accept a reference to a String (&String), Vec (&Vec), or Box (&Box) as a function argument?","score":412,"is_answered":true,"link":"https://stackoverflow.com/questions/40006219"}],"has_more":true}',
  ],
];

function apis(rng: Rng): Draft[] {
  return APIS.map(([url, body], i) => ({
    note: `public API ${new URL(url).hostname}`,
    event: toolCall(
      rng.pick(['http_get', 'fetch', 'api_request']),
      { url, headers: { Accept: 'application/json' } },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      shapeResponse(body, rng.pick(RESPONSE_SHAPES)),
    ),
  }));
}

/** A PNG-looking base64 blob (signature and IHDR, then noise), as screenshot tools return. */
function pngBase64(rng: Rng, bytes: number): string {
  const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000500000002d00806000000', 'hex');
  const noise = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) noise[i] = rng.int(0, 255);
  return Buffer.concat([header, noise]).toString('base64');
}

function browser(rng: Rng): Draft[] {
  const image = (n: number) => ({
    content: [{ type: 'image', data: pngBase64(rng, n), mimeType: 'image/png' }],
  });
  return [
    {
      note: 'navigate to a public page',
      event: toolCall(
        'puppeteer_navigate',
        { url: 'https://www.wikipedia.org/' },
        'arguments',
        'Navigated to https://www.wikipedia.org/',
      ),
    },
    {
      note: 'navigate to local dev server',
      event: toolCall(
        'browser_navigate',
        { url: 'http://localhost:3000/checkout' },
        'arguments',
        '- Page URL: http://localhost:3000/checkout\n- Page Title: Checkout · Acme Shop',
      ),
    },
    {
      note: 'screenshot (image content)',
      event: toolCall(
        'puppeteer_screenshot',
        { name: 'checkout-page', width: 1280, height: 720 },
        'arguments',
        image(1800),
      ),
    },
    {
      note: 'screenshot of an element',
      event: toolCall(
        'browser_take_screenshot',
        { element: 'Order summary', ref: 'e42' },
        'metadata-arguments',
        image(900),
      ),
    },
    {
      note: 'click',
      event: toolCall(
        'puppeteer_click',
        { selector: 'button#add-to-cart' },
        'arguments',
        'Clicked: button#add-to-cart',
      ),
    },
    {
      note: 'fill a search box',
      event: toolCall(
        'puppeteer_fill',
        { selector: 'input[name="q"]', value: 'stainless steel kettle' },
        'arguments',
        'Filled input[name="q"] with: stainless steel kettle',
      ),
    },
    {
      note: 'evaluate document.title',
      event: toolCall(
        'puppeteer_evaluate',
        { script: 'document.title' },
        'arguments',
        'Execution result:\n"Electric Kettle 1.7 L | Acme Shop"',
      ),
    },
    {
      note: 'evaluate counting links',
      event: toolCall(
        'browser_evaluate',
        { function: '() => document.querySelectorAll(\'a[href^="https://"]\').length' },
        'arguments',
        '42',
      ),
    },
    {
      note: 'accessibility snapshot',
      event: toolCall(
        'browser_snapshot',
        {},
        'arguments',
        '- Page URL: http://localhost:5173/settings\n- Page Title: Settings\n- Page Snapshot:\n```yaml\n- navigation "Main":\n  - link "Dashboard" [ref=e3]\n  - link "Settings" [ref=e4]\n- main:\n  - heading "Profile" [level=1]\n  - textbox "Display name" [ref=e12]: Lena\n  - button "Save" [ref=e15]\n```',
      ),
    },
    {
      note: 'select an option',
      event: toolCall(
        'browser_select_option',
        { element: 'Country', ref: 'e21', values: ['DE'] },
        'arguments',
        'Selected DE',
      ),
    },
    {
      note: 'inline image data URL in HTML',
      event: toolCall(
        'fetch',
        { url: 'https://mail.example.com/newsletter/2026-11' },
        'arguments',
        `<p>Hello!</p><img alt="logo" src="data:image/png;base64,${pngBase64(rng, 300)}"><p>Our November update is here.</p>`,
      ),
    },
  ];
}

const SEARCHES: readonly [string, string][] = [
  [
    'typescript satisfies operator',
    '1. TypeScript 4.9 release notes - The satisfies operator\nhttps://www.typescriptlang.org/docs/handbook/release-notes/typescript-4-9.html\nThe new satisfies operator lets us validate that the type of an expression matches some type, without changing the resulting type of that expression.',
  ],
  [
    'postgres jsonb index performance',
    '1. JSON Types - PostgreSQL documentation\nhttps://www.postgresql.org/docs/current/datatype-json.html\nGIN indexes can be used to efficiently search for keys or key/value pairs occurring within a large number of jsonb documents.',
  ],
  [
    'best ramen near alexanderplatz',
    '1. Cocolo Ramen - 4.6 (1,204 reviews) - Gipsstraße 3, 10119 Berlin - Open until 23:00\n2. Takumi Nine - 4.5 (2,311 reviews) - Pankstraße 12, 13357 Berlin',
  ],
  [
    'how to rotate aws access keys',
    '1. Rotating access keys - AWS Identity and Access Management\nhttps://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console\nCreate a second access key, update all applications to use it, deactivate the first key, then delete it.',
  ],
  [
    'sql injection prevention cheat sheet',
    '1. SQL Injection Prevention - OWASP Cheat Sheet Series\nhttps://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html\nOption 1: Use of prepared statements (with parameterized queries). Option 2: Use of properly constructed stored procedures. Option 3: Allow-list input validation.',
  ],
  [
    'weather berlin tomorrow',
    '1. Berlin weather forecast - Tomorrow: 11°C, partly sunny, wind 14 km/h W\nhttps://weather.example.com/de/berlin',
  ],
  [
    'kubectl rollout undo',
    '1. kubectl rollout undo | Kubernetes\nhttps://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_undo/\nRoll back to a previous rollout. kubectl rollout undo deployment/abc --to-revision=3',
  ],
  [
    'rust borrow checker error E0502',
    '1. E0502 - Error codes index\nhttps://doc.rust-lang.org/error_codes/E0502.html\nA variable already borrowed as immutable was borrowed as mutable.',
  ],
];

function searches(rng: Rng): Draft[] {
  return SEARCHES.map(([query, results], i) => ({
    note: `web search "${query}"`,
    event: toolCall(
      rng.pick(['brave_web_search', 'web_search', 'tavily_search', 'google_search']),
      { query, count: 5 },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      shapeResponse(results, rng.pick(RESPONSE_SHAPES)),
    ),
  }));
}

/** All benign web drafts. */
export function webTraffic(rng: Rng): Draft[] {
  return [...pages(rng), ...apis(rng), ...browser(rng), ...searches(rng)];
}
