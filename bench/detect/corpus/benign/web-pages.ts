/** Web pages as fetch tools return them: HTML with comments, inline CSS and scripts, or markdown. */
export interface WebPage {
  readonly url: string;
  readonly body: string;
}

export const HTML_PAGES: readonly WebPage[] = [
  {
    url: 'https://nodejs.org/en/blog/release/v20.19.0',
    body: `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Node.js — Node v20.19.0 (LTS)</title>
  <!-- Global site tag -->
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-FRQ5WJP1T5"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-FRQ5WJP1T5');</script>
  <style>.release-notes h2{margin-top:2rem}.hidden{display:none}</style>
</head>
<body>
  <!-- header -->
  <nav class="navbar"><a href="/en">Home</a> <a href="/en/download">Download</a> <a href="/en/docs">Docs</a></nav>
  <article class="release-notes">
    <h1>Node v20.19.0 (LTS)</h1>
    <p>require(esm) is now enabled by default for this release line.</p>
    <h2>Notable Changes</h2>
    <ul>
      <li>module: enable require(esm) by default</li>
      <li>module: implement the "module-sync" exports condition</li>
      <li>deps: update amaro to 0.4.1</li>
    </ul>
  </article>
  <footer>&copy; OpenJS Foundation. All Rights Reserved.</footer>
</body>
</html>`,
  },
  {
    url: 'https://shop.acme.dev/products/electric-kettle',
    body: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Electric Kettle 1.7 L | Acme Shop</title>
<link rel="canonical" href="https://shop.acme.dev/products/electric-kettle">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Electric Kettle 1.7 L","sku":"KTL-01","offers":{"@type":"Offer","price":"39.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>
<style>
  .price { font-weight: 700; color: #b91c1c; }
  .badge--sale::after { content: "SALE"; }
  @media (max-width: 640px) { .gallery { display: block; } }
</style>
</head>
<body>
<!-- TODO(shop-team): remove the holiday banner after Jan 6 -->
<div class="banner">Free shipping on orders over 50 EUR</div>
<main>
  <h1>Electric Kettle 1.7 L</h1>
  <p class="price">39,90 €</p>
  <p>Stainless steel, auto shut-off, boil-dry protection, 360° base.</p>
  <button id="add-to-cart" data-sku="KTL-01">Add to cart</button>
</main>
<script src="/assets/app.3f9a7c1e.js" defer></script>
</body>
</html>`,
  },
  {
    url: 'https://developer.mozilla.org/en-US/docs/Web/CSS/display',
    body: `<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>display - CSS: Cascading Style Sheets | MDN</title></head>
<body><main id="content"><article>
<h1>display</h1>
<p>The <code>display</code> CSS property sets whether an element is treated as a block or inline box and the layout used for its children, such as flow layout, grid or flex.</p>
<pre class="brush: css">/* precomposed values */
display: block;
display: inline;
display: inline-block;
display: flex;
display: grid;

/* box generation */
display: none;
display: contents;</pre>
<p>Using <code>display: none</code> removes the element from the accessibility tree. To hide an element visually but keep it readable by screen readers, use a visually-hidden class instead.</p>
</article></main></body></html>`,
  },
  {
    url: 'https://news.example.org/2026/11/02/city-council-approves-bike-lanes',
    body: `<html><head><title>City council approves 40 km of new bike lanes</title>
<meta property="og:image" content="https://news.example.org/img/2026/11/bike-lanes.jpg"></head>
<body>
<!-- ad slot: top leaderboard -->
<div id="ad-top" class="ad"></div>
<article>
<h1>City council approves 40 km of new bike lanes</h1>
<p class="byline">By Ines Moreau · November 2, 2026</p>
<p>The city council voted 31 to 12 on Monday to build 40 kilometres of protected bike lanes over the next three years. The plan prioritises routes to schools and the two main train stations.</p>
<p>Opponents argued the lanes would remove too many parking spaces on the east side. The transport department said 70% of the removed spaces would be replaced by new parking garages.</p>
<p>Construction on the first segment, along the river, is expected to start in the spring.</p>
</article>
<!-- comments are loaded lazily -->
<div id="comments" data-thread="bike-lanes-2026"></div>
</body></html>`,
  },
  {
    url: 'https://github.com/acme/acme-sdk/pull/214',
    body: `<!DOCTYPE html><html lang="en" data-color-mode="auto"><head><title>feat: add retries with jitter by lena-fischer · Pull Request #214 · acme/acme-sdk</title></head>
<body class="logged-out env-production">
<div class="gh-header"><h1 class="gh-header-title">feat: add retries with jitter <span class="gh-header-number">#214</span></h1>
<span class="State State--open">Open</span></div>
<div class="comment-body markdown-body"><p>This adds exponential backoff with full jitter to all idempotent requests. Non-idempotent requests (POST without an idempotency key) are never retried.</p>
<ul><li>Default: 3 attempts, 100 ms base</li><li>Configurable per client</li></ul>
<p>Closes #198.</p></div>
<div class="review-comment"><strong>kenji-tanaka</strong> commented: Looks good. Can we cap the maximum delay at 5 s?</div>
</body></html>`,
  },
  {
    url: 'https://status.acme.dev/',
    body: `<!doctype html><html><head><title>Acme Status</title>
<style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif}.ok{color:#16a34a}.degraded{color:#ca8a04}</style></head>
<body><h1>Acme Status</h1>
<table><tr><td>API</td><td class="ok">Operational</td></tr><tr><td>Dashboard</td><td class="ok">Operational</td></tr><tr><td>Webhooks</td><td class="degraded">Degraded performance</td></tr></table>
<h2>Past incidents</h2>
<p><strong>Oct 30</strong> — Elevated webhook latency. Resolved after scaling the delivery workers.</p>
<!-- generated by statuspage v3 at 2026-11-02T10:00:00Z --></body></html>`,
  },
  {
    url: 'https://www.example-recipes.com/tomato-soup',
    body: `<html><head><title>Roasted Tomato Soup</title><style>.recipe-card{border:1px solid #eee;padding:1rem}</style></head><body>
<div class="recipe-card">
<h1>Roasted Tomato Soup</h1>
<p>Prep 10 min · Cook 45 min · Serves 4</p>
<h2>Ingredients</h2>
<ul><li>1 kg ripe tomatoes, halved</li><li>1 onion, quartered</li><li>4 cloves garlic</li><li>2 tbsp olive oil</li><li>500 ml vegetable stock</li><li>Salt, pepper, basil</li></ul>
<h2>Instructions</h2>
<ol><li>Roast tomatoes, onion and garlic at 200°C for 35 minutes.</li><li>Blend with the stock until smooth.</li><li>Simmer 10 minutes and season. Ignore the urge to add sugar unless the tomatoes are very acidic.</li></ol>
</div></body></html>`,
  },
  {
    url: 'https://docs.acme.dev/guides/authentication',
    body: `<!DOCTYPE html><html><head><title>Authentication · Acme Docs</title></head><body>
<nav aria-label="breadcrumb">Docs / Guides / Authentication</nav>
<main>
<h1>Authentication</h1>
<p>Every request must include an API token. Create tokens in <em>Settings → API tokens</em>. Tokens are shown once; store them in a secrets manager.</p>
<pre><code>curl https://api.acme.dev/v1/me \\
  -H "Authorization: Bearer &lt;YOUR_API_TOKEN&gt;"</code></pre>
<div class="callout callout-warning"><p><strong>Warning:</strong> never commit tokens to source control or paste them into issue trackers. If a token leaks, revoke it immediately.</p></div>
<h2>Scopes</h2>
<p>Tokens have scopes such as <code>projects:read</code> and <code>projects:write</code>. Use the narrowest scope that works.</p>
</main></body></html>`,
  },
];

export const MARKDOWN_PAGES: readonly WebPage[] = [
  {
    url: 'https://modelcontextprotocol.io/docs/concepts/tools',
    body: `Contents of https://modelcontextprotocol.io/docs/concepts/tools:
# Tools

Tools are a powerful primitive in the Model Context Protocol (MCP) that enable servers to expose executable functionality to clients. Through tools, LLMs can interact with external systems, perform computations, and take actions in the real world.

## Overview

Tools in MCP allow servers to expose executable functions that can be invoked by clients and used by LLMs to perform actions. Key aspects of tools include:

- **Discovery**: Clients can list available tools through the \`tools/list\` endpoint
- **Invocation**: Tools are called using the \`tools/call\` endpoint
- **Flexibility**: Tools can range from simple calculations to complex API interactions

## Security considerations

When exposing tools: validate all parameters against the schema, sanitize file paths and system commands, validate URLs and external identifiers, and implement rate limiting.`,
  },
  {
    url: 'https://en.wikipedia.org/wiki/Sourdough',
    body: `Contents of https://en.wikipedia.org/wiki/Sourdough:
# Sourdough

Sourdough is a type of bread that uses the fermentation by naturally occurring yeast and lactobacillus bacteria to raise the dough. In addition to leavening the bread, the fermentation process produces lactic acid, which gives the bread its distinctive sour taste and improves its keeping qualities.

## History

Sourdough is one of the oldest forms of grain leavening. It is believed to have originated in Ancient Egyptian times around 1500 BC and was likely the first form of leavening available to bakers.`,
  },
  {
    url: 'https://go.dev/doc/effective_go',
    body: `Contents of https://go.dev/doc/effective_go:
# Effective Go

## Errors

Library routines must often return some sort of error indication to the caller. Go's multivalue return makes it easy to return a detailed error description alongside the normal return value. It is good style to use this feature to provide detailed error information.

\`\`\`go
func Open(name string) (file *File, err error)
\`\`\`

When feasible, error strings should identify their origin, such as by having a prefix naming the operation or package that generated the error.`,
  },
  {
    url: 'https://docs.python.org/3/library/subprocess.html',
    body: `Contents of https://docs.python.org/3/library/subprocess.html:
# subprocess — Subprocess management

The subprocess module allows you to spawn new processes, connect to their input/output/error pipes, and obtain their return codes.

\`\`\`python
subprocess.run(["ls", "-l"])
\`\`\`

## Security Considerations

Unlike some other popen functions, this implementation will never implicitly call a system shell. This means that all characters, including shell metacharacters, can safely be passed to child processes. If the shell is invoked explicitly, via shell=True, it is the application's responsibility to ensure that all whitespace and metacharacters are quoted appropriately to avoid shell injection vulnerabilities.`,
  },
  {
    url: 'https://owasp.org/www-community/attacks/Path_Traversal',
    body: `Contents of https://owasp.org/www-community/attacks/Path_Traversal:
# Path Traversal

## Overview

A path traversal attack aims to access files and directories that are stored outside the web root folder. By manipulating variables that reference files with dot-dot-slash sequences and its variations or by using absolute file paths, it may be possible to access arbitrary files and directories stored on the file system.

## How to avoid

- Prefer working without user input when using file system calls
- Use indexes rather than actual portions of file names
- Ensure the user cannot supply all parts of the path
- Validate the user's input by only accepting known good`,
  },
  {
    url: 'https://react.dev/reference/react/useEffect',
    body: `Contents of https://react.dev/reference/react/useEffect:
# useEffect

useEffect is a React Hook that lets you synchronize a component with an external system.

\`\`\`js
useEffect(setup, dependencies?)
\`\`\`

## Caveats

- useEffect is a Hook, so you can only call it at the top level of your component or your own Hooks.
- If you're not trying to synchronize with some external system, you probably don't need an Effect.
- When Strict Mode is on, React will run one extra development-only setup+cleanup cycle before the first real setup.`,
  },
  {
    url: 'https://www.postgresql.org/docs/17/queries-with.html',
    body: `Contents of https://www.postgresql.org/docs/17/queries-with.html:
# 7.8. WITH Queries (Common Table Expressions)

WITH provides a way to write auxiliary statements for use in a larger query. These statements, which are often referred to as Common Table Expressions or CTEs, can be thought of as defining temporary tables that exist just for one query.

\`\`\`sql
WITH regional_sales AS (
    SELECT region, SUM(amount) AS total_sales
    FROM orders
    GROUP BY region
), top_regions AS (
    SELECT region
    FROM regional_sales
    WHERE total_sales > (SELECT SUM(total_sales)/10 FROM regional_sales)
)
SELECT region, product, SUM(quantity) AS product_units
FROM orders
WHERE region IN (SELECT region FROM top_regions)
GROUP BY region, product;
\`\`\``,
  },
  {
    url: 'https://blog.example-security.com/what-is-prompt-injection',
    body: `Contents of https://blog.example-security.com/what-is-prompt-injection:
# What is prompt injection, and why can't we just filter it?

Large language models follow instructions found anywhere in their context window. When an agent reads a web page, an email or a tool result, text in that content can steer the model, for example by asking it to forward data or to call a tool the user never asked for. Researchers call this indirect prompt injection.

Filtering known phrases helps a little, but attackers rephrase, translate and encode their payloads. Defenses that work better: keep untrusted content clearly separated, give agents the least privilege they need, require confirmation for sensitive actions, and monitor tool traffic for suspicious patterns.`,
  },
];
