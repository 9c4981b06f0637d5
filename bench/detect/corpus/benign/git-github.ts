import type { Draft } from '../corpus-line.js';
import { person } from '../people.js';
import { ARGUMENT_STYLES, RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Git and GitHub traffic: diffs, logs, issues, pull requests, reviews, code search. */

const DIFFS: readonly string[] = [
  `diff --git a/src/cart/service.ts b/src/cart/service.ts
index 3f2a1c3..8b7e9d6 100644
--- a/src/cart/service.ts
+++ b/src/cart/service.ts
@@ -38,9 +38,12 @@ export class CartService {
   async setQuantity(cartId: string, sku: string, quantity: number): Promise<Cart> {
     const cart = await this.repo.get(cartId);
-    cart.items = cart.items.map((i) => (i.sku === sku ? { ...i, quantity } : i));
-    cart.discount = null;
+    cart.items = cart.items.map((i) => (i.sku === sku ? { ...i, quantity } : i));
+    // Keep the discount; re-validate it against the new total instead of dropping it.
+    if (cart.discount && !isStillValid(cart.discount, cart)) cart.discount = null;
     return this.repo.save(cart);
   }`,
  `diff --git a/README.md b/README.md
index 1111111..2222222 100644
--- a/README.md
+++ b/README.md
@@ -10,7 +10,7 @@
 ## Development
 
-Run \`npm install\` and then \`npm start\`.
+Run \`npm ci\` and then \`npm run dev\`. Copy \`.env.example\` to \`.env\` first; never commit the \`.env\` file.
 
 ## Tests`,
  `diff --git a/migrations/0043_add_due_on.sql b/migrations/0043_add_due_on.sql
new file mode 100644
index 0000000..4b5c6d7
--- /dev/null
+++ b/migrations/0043_add_due_on.sql
@@ -0,0 +1,3 @@
+ALTER TABLE invoices ADD COLUMN due_on DATE;
+UPDATE invoices SET due_on = issued_on + 30 WHERE due_on IS NULL;
+CREATE INDEX invoices_due_on ON invoices (due_on);`,
  `diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml
index 9a8b7c6..5d4e3f2 100644
--- a/.github/workflows/ci.yml
+++ b/.github/workflows/ci.yml
@@ -12,7 +12,7 @@ jobs:
     strategy:
       matrix:
-        node: [18, 20]
+        node: [20, 22]
     steps:
       - uses: actions/checkout@v4`,
  `diff --git a/scripts/clean.sh b/scripts/clean.sh
index 0a1b2c3..4d5e6f7 100755
--- a/scripts/clean.sh
+++ b/scripts/clean.sh
@@ -1,4 +1,5 @@
 #!/bin/sh
 set -e
-rm -rf dist
+rm -rf dist coverage .turbo
+find . -name "*.tsbuildinfo" -delete`,
];

const ISSUES: readonly { title: string; body: string }[] = [
  {
    title: 'Dark mode: code blocks unreadable',
    body: 'In dark mode, inline code in the docs has dark text on a dark background. Screenshot attached. Browser: Firefox 132 on Ubuntu 24.04.',
  },
  {
    title: 'Support for Postgres 17',
    body: 'We are upgrading to Postgres 17 next month. Are there any known incompatibilities? The JSON path functions changed slightly.',
  },
  {
    title: 'CLI crashes when config file is empty',
    body: "Steps:\n1. `touch acme.config.json`\n2. `acme deploy`\n\nExpected: a helpful error.\nActual: `TypeError: Cannot read properties of undefined (reading 'project')`",
  },
  {
    title: 'Docs: clarify rate limits',
    body: 'The docs say 100 requests per minute, but the response headers say 120. Which one is right?',
  },
  {
    title: 'Flaky test: checkout.spec.ts',
    body: 'Fails about 1 in 10 runs on CI with a timeout on the payment step. Probably related to #1291.',
  },
  {
    title: 'Feature request: export to CSV',
    body: 'It would be great to export the reports table to CSV. Ideally with the current filters applied.',
  },
  {
    title: 'Memory leak in websocket handler',
    body: 'Heap grows by ~40 MB/hour under steady load. Heap snapshot shows retained listeners on closed sockets. Suspect we never call removeListener in onClose.',
  },
  {
    title: 'Typo in error message',
    body: '"Recieved invalid token" should be "Received invalid token" in src/auth/errors.ts.',
  },
];

function diffs(rng: Rng): Draft[] {
  return DIFFS.flatMap((diff, i) => [
    {
      note: `git_diff ${i + 1}`,
      event: toolCall(
        rng.pick(['git_diff', 'git_diff_unstaged', 'git_diff_staged']),
        { repo_path: '/home/dev/src/shop' },
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
        shapeResponse(diff, rng.pick(RESPONSE_SHAPES)),
      ),
    },
    {
      note: `git_show ${i + 1}`,
      event: toolCall(
        'git_show',
        { repo_path: '/home/dev/src/shop', revision: rng.chars('0123456789abcdef', 7) },
        'arguments',
        `commit ${rng.chars('0123456789abcdef', 40)}\nAuthor: ${person(rng).first} <noreply@acme.dev>\nDate:   Mon Nov 2 09:00:00 2026 +0100\n\n    update\n\n${diff}`,
      ),
    },
  ]);
}

function issues(rng: Rng): Draft[] {
  return ISSUES.flatMap((issue, i) => [
    {
      note: `create_issue "${issue.title}"`,
      event: toolCall(
        'create_issue',
        {
          owner: 'acme',
          repo: rng.pick(['web', 'cli', 'docs', 'api']),
          title: issue.title,
          body: issue.body,
          labels: ['bug'],
        },
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
        JSON.stringify({
          number: 500 + i,
          html_url: `https://github.com/acme/web/issues/${500 + i}`,
          state: 'open',
        }),
      ),
    },
    {
      note: `get_issue "${issue.title}"`,
      event: toolCall(
        'get_issue',
        { owner: 'acme', repo: 'web', issue_number: 400 + i },
        'arguments',
        JSON.stringify({
          number: 400 + i,
          title: issue.title,
          body: issue.body,
          user: { login: person(rng).first.toLowerCase() },
          labels: [{ name: 'needs-triage' }],
          comments: rng.int(0, 12),
        }),
      ),
    },
  ]);
}

function pullRequests(rng: Rng): Draft[] {
  const prs: readonly [string, string][] = [
    [
      'fix(cart): keep discount when quantity changes',
      'Fixes #1288.\n\n## What\nRe-validate the discount instead of dropping it when the quantity changes.\n\n## Testing\n- [x] unit tests\n- [x] manual test on staging',
    ],
    [
      'chore: upgrade to React 19',
      'Mostly mechanical. `forwardRef` removals in 12 components, and the new `use` hook in two places. No visual changes expected.',
    ],
    [
      'docs: add runbook for certificate rotation',
      'Adds docs/runbooks/cert-rotation.md based on OPS-2291. Reviewed with Viktor.',
    ],
    [
      'feat(api): cursor pagination for /v1/events',
      'Replaces offset pagination. The `next` cursor is an opaque base64 string: `eyJpZCI6MTIzNDV9`. Old `page` param still works until v2.',
    ],
  ];
  return [
    ...prs.map(([title, body], i) => ({
      note: `create_pull_request "${title}"`,
      event: toolCall(
        'create_pull_request',
        { owner: 'acme', repo: 'web', title, body, head: `feature/${i}`, base: 'main', draft: i % 2 === 0 },
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
        JSON.stringify({
          number: 1300 + i,
          state: 'open',
          html_url: `https://github.com/acme/web/pull/${1300 + i}`,
        }),
      ),
    })),
    {
      note: 'list_commits',
      event: toolCall(
        'list_commits',
        { owner: 'acme', repo: 'web', sha: 'main', perPage: 3 },
        'arguments',
        JSON.stringify(
          [1, 2, 3].map((n) => ({
            sha: rng.chars('0123456789abcdef', 40),
            commit: {
              message: ['fix: typo', 'feat: dark mode', 'chore(deps): bump vite'][n - 1],
              author: { name: person(rng).first, date: `2026-11-0${n}T10:00:00Z` },
            },
          })),
        ),
      ),
    },
    {
      note: 'search_code',
      event: toolCall(
        'search_code',
        { q: 'retry repo:acme/web language:TypeScript' },
        'arguments',
        JSON.stringify({
          total_count: 2,
          items: [
            { name: 'retry.ts', path: 'src/lib/retry.ts' },
            { name: 'retry.test.ts', path: 'src/lib/retry.test.ts' },
          ],
        }),
      ),
    },
    {
      note: 'add_issue_comment',
      event: toolCall(
        'add_issue_comment',
        {
          owner: 'acme',
          repo: 'web',
          issue_number: 1302,
          body: 'LGTM once CI is green. Nit: the retry count could come from config.',
        },
        'arguments',
        '{"id": 2291883311}',
      ),
    },
    {
      note: 'merge_pull_request',
      event: toolCall(
        'merge_pull_request',
        { owner: 'acme', repo: 'web', pull_number: 1302, merge_method: 'squash' },
        'arguments',
        '{"merged": true, "message": "Pull Request successfully merged"}',
      ),
    },
    {
      note: 'git_commit',
      event: toolCall(
        'git_commit',
        {
          repo_path: '/home/dev/src/shop',
          message: 'fix(cart): keep discount when quantity changes\n\nRe-validate instead of dropping it.',
        },
        'arguments',
        `Changes committed successfully with hash ${rng.chars('0123456789abcdef', 40)}`,
      ),
    },
    {
      note: 'git_create_branch',
      event: toolCall(
        'git_create_branch',
        { repo_path: '/home/dev/src/shop', branch_name: 'fix/discount-rounding', base_branch: 'main' },
        'arguments',
        "Created branch 'fix/discount-rounding' from 'main'",
      ),
    },
    {
      note: 'search_repositories',
      event: toolCall(
        'search_repositories',
        { query: 'mcp server sqlite', perPage: 3 },
        'arguments',
        JSON.stringify({
          total_count: 148,
          items: [
            { full_name: 'modelcontextprotocol/servers', stargazers_count: 61000 },
            { full_name: 'example/mcp-sqlite', stargazers_count: 230 },
          ],
        }),
      ),
    },
  ];
}

/** All benign git and GitHub drafts. */
export function gitTraffic(rng: Rng): Draft[] {
  return [...diffs(rng), ...issues(rng), ...pullRequests(rng)];
}
