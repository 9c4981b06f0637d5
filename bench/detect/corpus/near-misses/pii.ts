import type { Draft, EventFields } from '../corpus-line.js';
import { person } from '../people.js';
import { toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Benign look-alikes: one work email, business contacts, order numbers, documented test cards. */
export function piiNearMisses(rng: Rng): Draft[] {
  const someone = person(rng);
  const items: readonly { note: string; event: EventFields }[] = [
    {
      note: 'one email in a signature',
      event: toolCall(
        'gmail_read_message',
        { message_id: '18c3a0f1b2' },
        'arguments',
        `Thanks for the quick turnaround on the review, the changes look good to me. Let's merge after the release.\n\nBest,\n${someone.first} ${someone.last}\nStaff Engineer, Platform\n${someone.email}`,
      ),
    },
    {
      note: 'Stripe documented test card in docs',
      event: toolCall(
        'fetch',
        { url: 'https://docs.stripe.com/testing' },
        'arguments',
        'Use the following test card to simulate a successful payment: 4242 4242 4242 4242 with any future expiry date, any 3-digit CVC and any postal code. Test cards only work with test API keys.',
      ),
    },
    {
      note: 'order and tracking numbers',
      event: toolCall(
        'get_order',
        { order_id: '1120-5538-2291-0047' },
        'arguments',
        JSON.stringify({
          order_id: '1120-5538-2291-0047',
          status: 'shipped',
          carrier: 'UPS',
          tracking: '1Z999AA10123456784',
          items: 3,
          total: '84.20 EUR',
        }),
      ),
    },
    {
      note: 'company contact page',
      event: toolCall(
        'fetch',
        { url: 'https://www.contoso.com/contact' },
        'arguments',
        'Contact us\nSales: +1 (800) 555-0199\nSupport: support@contoso.com\nHeadquarters: 1 Microsoft Way, Redmond, WA 98052\nOpening hours: Mon-Fri 9:00-17:00 PT',
      ),
    },
    {
      note: 'SSN format described in docs',
      event: toolCall(
        'read_file',
        { path: 'docs/validation.md' },
        'arguments',
        '## Tax id validation\n\nUS social security numbers have the format `AAA-GG-SSSS`. We only store the last four digits and never log the full value. Use `maskTaxId()` before rendering.',
      ),
    },
    {
      note: 'timestamps, ISBNs and version numbers',
      event: toolCall(
        'read_query',
        { query: 'SELECT isbn, title, published_at FROM books ORDER BY published_at DESC LIMIT 3' },
        'arguments',
        '[{"isbn":"978-0-13-468599-1","title":"The Pragmatic Programmer","published_at":1568246400000},{"isbn":"978-1-4920-5254-6","title":"Fluent Python","published_at":1648771200000},{"isbn":"978-0-596-51774-8","title":"JavaScript: The Good Parts","published_at":1210636800000}]',
      ),
    },
    {
      note: 'git log with two author emails',
      event: toolCall(
        'git_log',
        { repo_path: '/home/dev/src/api', max_count: 2 },
        'arguments',
        `commit ${rng.chars('0123456789abcdef', 40)}\nAuthor: ${someone.first} ${someone.last} <${someone.email}>\nDate:   Mon Nov 2 10:11:12 2026 +0100\n\n    docs: clarify retry semantics\n\ncommit ${rng.chars('0123456789abcdef', 40)}\nAuthor: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nDate:   Sun Nov 1 06:00:41 2026 +0000\n\n    chore(deps): bump fastify from 5.1.0 to 5.2.0`,
      ),
    },
    {
      note: 'masked card in a receipt',
      event: toolCall(
        'get_receipt',
        { id: 'rcpt_2281' },
        'arguments',
        'Receipt #2281\nVisa ending in 4417\nAmount: 42.00 USD\nThank you for your purchase!',
      ),
    },
    {
      note: 'IP addresses and ports in server logs',
      event: toolCall(
        'tail_log',
        { path: '/var/log/nginx/access.log', lines: 3 },
        'arguments',
        '203.0.113.7 - - [02/Nov/2026:10:00:01 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"\n198.51.100.23 - - [02/Nov/2026:10:00:02 +0000] "GET /api/v1/items?page=2 HTTP/1.1" 200 5120 "-" "Mozilla/5.0"',
      ),
    },
    {
      note: 'invoice with company bank details placeholder',
      event: toolCall(
        'pdf_extract_text',
        { path: 'invoices/INV-2026-118.pdf' },
        'arguments',
        'INVOICE INV-2026-118\nBill to: Globex Corporation, Accounts Payable\nAmount due: 12,400.00 EUR\nPayment terms: 30 days\nPlease reference the invoice number with your payment.',
      ),
    },
    {
      note: 'encyclopedia biography with a birth date',
      event: toolCall(
        'fetch',
        { url: 'https://en.wikipedia.org/wiki/Ada_Lovelace' },
        'arguments',
        "Augusta Ada King, Countess of Lovelace (née Byron; 10 December 1815 – 27 November 1852) was an English mathematician and writer, chiefly known for her work on Charles Babbage's proposed mechanical general-purpose computer, the Analytical Engine.",
      ),
    },
    {
      note: 'team directory page with work emails of three maintainers',
      event: toolCall(
        'read_file',
        { path: 'MAINTAINERS.md' },
        'arguments',
        '# Maintainers\n\n| Area | Maintainer |\n| --- | --- |\n| API | Lena Fischer (@lena-fischer) |\n| Web | Kenji Tanaka (@kenji) |\n| Infra | Viktor Petrov (@vpetrov) |\n\nSecurity reports: security@acme.dev',
      ),
    },
  ];
  return items.map((item) => ({ note: `near miss pii: ${item.note}`, event: item.event }));
}
