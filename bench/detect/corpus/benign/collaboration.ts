import type { Draft } from '../corpus-line.js';
import { person } from '../people.js';
import { ARGUMENT_STYLES, RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Team tools: chat, mail, calendar, trackers, wikis, error monitoring. */

const SLACK_MESSAGES: readonly string[] = [
  'Deploy of web v2.8.1 is done, please shout if you see anything odd :rocket:',
  'Standup notes: Dana on the e2e flake, Kenji on the payment timeout, Rosa reviewing the release checklist.',
  'Can someone review #1302? It is a one-line fix for the flaky checkout test.',
  'Reminder: the office is closed on Friday for the team offsite 🎉',
  "I'll be 10 minutes late to the retro, start without me",
  "FYI the staging database will be restored from last night's snapshot at 14:00 CET, expect ~5 min downtime.",
  'Has anyone used the new Postgres 17 JSON_TABLE yet? Looking for examples.',
  'Lunch poll: 🍜 ramen / 🌮 tacos / 🥗 salad',
];

const EMAILS: readonly { subject: string; body: string }[] = [
  {
    subject: 'Invoice INV-2026-118',
    body: 'Hello,\n\nPlease find attached invoice INV-2026-118 for October. Payment is due within 30 days.\n\nKind regards,\nAccounts Receivable',
  },
  {
    subject: 'Your flight to Lisbon',
    body: 'Booking reference: K7QX2M\nDeparture: BER 07:15 → LIS 09:55, Nov 12\nSeat 14C\nCheck-in opens 24 hours before departure.',
  },
  {
    subject: 'Re: offsite agenda',
    body: 'Looks good! Can we move the roadmap session before lunch? People are sharper in the morning.\n\n> On Oct 30, Rosa wrote:\n> Draft agenda attached, comments welcome.',
  },
  {
    subject: '[GitHub] Dependabot alert: vite',
    body: 'A moderate severity vulnerability was found in vite <7.1.4. Upgrade to 7.1.4 or later. View the alert in the repository security tab.',
  },
  {
    subject: 'Welcome to the team!',
    body: 'Hi Uma,\n\nWelcome aboard! Your laptop will arrive Monday. Your buddy is Kenji. The onboarding checklist is in Notion.\n\nSee you soon,\nLena',
  },
  {
    subject: 'Password changed',
    body: 'The password for your Acme account was changed on Nov 2, 2026 at 09:14 UTC. If this was you, no action is needed. If not, reset your password and contact support.',
  },
];

function slack(rng: Rng): Draft[] {
  const posts = SLACK_MESSAGES.map((text, i) => ({
    note: `slack_post_message ${i + 1}`,
    event: toolCall(
      'slack_post_message',
      { channel_id: rng.pick(['C05QX1ZK3LM', 'C01GENERAL0', 'C03RELEASES']), text },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
      JSON.stringify({ ok: true, ts: `1793${rng.int(100000, 999999)}.${rng.int(100000, 999999)}` }),
    ),
  }));
  const history = {
    note: 'slack_get_channel_history',
    event: toolCall(
      'slack_get_channel_history',
      { channel_id: 'C05QX1ZK3LM', limit: 8 },
      'arguments',
      shapeResponse(
        JSON.stringify(
          SLACK_MESSAGES.slice(0, 5).map((text, i) => ({
            user: `U0${i}ABCDE`,
            text,
            ts: `17935${i}1000.000100`,
          })),
        ),
        'mcp-string',
      ),
    ),
  };
  const users = {
    note: 'slack_get_users',
    event: toolCall(
      'slack_get_users',
      { limit: 3 },
      'arguments',
      JSON.stringify({
        members: [
          { id: 'U01ABCDE', name: 'dana', real_name: 'Dana Walsh', tz: 'Europe/Dublin' },
          { id: 'U02BCDEF', name: 'kenji', real_name: 'Kenji Tanaka', tz: 'Asia/Tokyo' },
        ],
      }),
    ),
  };
  return [...posts, history, users];
}

function mail(rng: Rng): Draft[] {
  return EMAILS.flatMap((email, i) => {
    const from = person(rng);
    return [
      {
        note: `read email "${email.subject}"`,
        event: toolCall(
          rng.pick(['gmail_read_message', 'read_email', 'outlook_get_message']),
          { message_id: rng.chars('0123456789abcdef', 16) },
          ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
          shapeResponse(
            `From: ${from.first} ${from.last} <${from.email}>\nSubject: ${email.subject}\nDate: Mon, 2 Nov 2026 09:${10 + i}:00 +0100\n\n${email.body}`,
            rng.pick(RESPONSE_SHAPES),
          ),
        ),
      },
      {
        note: `send email reply "${email.subject}"`,
        event: toolCall(
          'send_email',
          {
            to: [from.email],
            subject: `Re: ${email.subject}`,
            body: rng.pick([
              'Thanks, received!',
              'Thanks — I will take a look this afternoon.',
              'Got it, forwarding to the team.',
            ]),
          },
          'arguments',
          'Email sent',
        ),
      },
    ];
  });
}

function trackers(): Draft[] {
  return [
    {
      note: 'calendar list events',
      event: toolCall(
        'calendar_list_events',
        { calendar_id: 'primary', time_min: '2026-11-02T00:00:00Z', time_max: '2026-11-03T00:00:00Z' },
        'arguments',
        '[{"summary":"Standup","start":"2026-11-02T09:30:00+01:00"},{"summary":"1:1 Lena / Omar","start":"2026-11-02T11:00:00+01:00"},{"summary":"Architecture review","start":"2026-11-02T14:00:00+01:00"}]',
      ),
    },
    {
      note: 'calendar create event',
      event: toolCall(
        'calendar_create_event',
        {
          summary: 'Retro',
          start: '2026-11-05T15:00:00+01:00',
          end: '2026-11-05T16:00:00+01:00',
          attendees: ['dana.walsh@acme.dev', 'kenji.tanaka@acme.dev', 'rosa.rossi@acme.dev'],
        },
        'arguments',
        '{"id":"7h2k9q","status":"confirmed"}',
      ),
    },
    {
      note: 'jira search',
      event: toolCall(
        'jira_search',
        { jql: 'project = OPS AND status = "In Progress" ORDER BY priority DESC' },
        'metadata-arguments',
        'OPS-2291 Rotate TLS certificates for internal ingress before expiry (High)\nOPS-2287 Upgrade ingress-nginx to 1.12 (Medium)',
      ),
    },
    {
      note: 'jira transition',
      event: toolCall(
        'jira_transition_issue',
        { issue_key: 'OPS-2291', transition: 'Done', comment: 'Certificates rotated on all three clusters.' },
        'arguments',
        'Transitioned OPS-2291 to Done',
      ),
    },
    {
      note: 'linear create issue',
      event: toolCall(
        'linear_create_issue',
        {
          teamId: 'TEAM-WEB',
          title: 'Dark mode: code blocks unreadable',
          description: 'See GitHub #512.',
          priority: 3,
        },
        'arguments',
        '{"id":"WEB-881","url":"https://linear.app/acme/issue/WEB-881"}',
      ),
    },
    {
      note: 'notion search',
      event: toolCall(
        'notion_search',
        { query: 'onboarding' },
        'arguments',
        '[{"id":"8f3c2b1a-44d2-4f0e-9a61-2c7d9e5b1f30","title":"Onboarding checklist for new engineers"},{"id":"0b1c2d3e-5f60-4718-9a2b-3c4d5e6f7081","title":"On-call handbook"}]',
      ),
    },
    {
      note: 'notion append block',
      event: toolCall(
        'notion_append_block',
        {
          page_id: '8f3c2b1a-44d2-4f0e-9a61-2c7d9e5b1f30',
          text: '- [ ] Request access to the analytics warehouse',
        },
        'arguments',
        'ok',
      ),
    },
    {
      note: 'sentry issue',
      event: toolCall(
        'get_sentry_issue',
        { issue_id_or_url: 'WEB-3F2' },
        'arguments',
        `TypeError: Cannot read properties of undefined (reading 'total')\n  at CartSummary (src/cart/CartSummary.tsx:41:23)\n  at renderWithHooks (react-dom.production.min.js:1:52102)\nFirst seen: 2026-11-01 18:02 UTC · Events: 214 · Users: 97\nRelease: web@2.8.1`,
      ),
    },
    {
      note: 'zendesk reply',
      event: toolCall(
        'zendesk_add_comment',
        {
          ticket_id: 88213,
          body: 'We fixed a mail delivery issue yesterday. Could you try the password reset again? Thanks for your patience!',
          public: true,
        },
        'arguments',
        'Comment added',
      ),
    },
    {
      note: 'pagerduty incidents',
      event: toolCall(
        'pagerduty_list_incidents',
        { statuses: ['triggered', 'acknowledged'] },
        'arguments',
        '[{"id":"Q1W2E3R4","title":"Webhook delivery latency > 30s","urgency":"high","status":"acknowledged","assignee":"Viktor Petrov"}]',
      ),
    },
    {
      note: 'confluence page',
      event: toolCall(
        'confluence_get_page',
        { page_id: '229384' },
        'arguments',
        'Release checklist\n1. Freeze main at 18:00 CET Thursday\n2. Run the full e2e suite on staging\n3. Tag the release and publish the changelog\n4. Announce in #releases',
      ),
    },
    {
      note: 'figma comments',
      event: toolCall(
        'figma_get_comments',
        { file_key: 'a1B2c3D4e5' },
        'arguments',
        '[{"user":"rosa","message":"Can we try the primary button in indigo-600?"},{"user":"mateo","message":"Spacing between cards looks tight on mobile"}]',
      ),
    },
  ];
}

function memory(rng: Rng): Draft[] {
  return [
    {
      note: 'memory create_entities',
      event: toolCall(
        'create_entities',
        {
          entities: [
            {
              name: 'Lena Fischer',
              entityType: 'person',
              observations: ['Leads the platform team', 'Prefers async updates'],
            },
          ],
        },
        'arguments',
        'Created 1 entity',
      ),
    },
    {
      note: 'memory search_nodes',
      event: toolCall(
        'search_nodes',
        { query: 'platform team' },
        'arguments',
        JSON.stringify({
          entities: [
            {
              name: 'Platform team',
              entityType: 'team',
              observations: ['Owns the event pipeline', 'On-call rotation weekly'],
            },
          ],
          relations: [],
        }),
      ),
    },
    {
      note: 'memory add_observations',
      event: toolCall(
        'add_observations',
        {
          observations: [{ entityName: 'Acme web app', contents: ['Migrated to React 19 in October 2026'] }],
        },
        'arguments',
        'Added 1 observation',
      ),
    },
    {
      note: 'time get_current_time',
      event: toolCall(
        'get_current_time',
        { timezone: rng.pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) },
        'arguments',
        '{"timezone":"Europe/Berlin","datetime":"2026-11-02T10:14:03+01:00","is_dst":false}',
      ),
    },
    {
      note: 'time convert_time',
      event: toolCall(
        'convert_time',
        { source_timezone: 'Europe/Berlin', time: '15:00', target_timezone: 'America/Los_Angeles' },
        'arguments',
        '{"source":{"datetime":"2026-11-02T15:00:00+01:00"},"target":{"datetime":"2026-11-02T06:00:00-08:00"},"time_difference":"-9.0h"}',
      ),
    },
    {
      note: 'sequential thinking step',
      event: toolCall(
        'sequentialthinking',
        {
          thought:
            'The test fails only on CI, so the difference is likely the timeout or the parallelism. Check the mock provider delay first.',
          thoughtNumber: 2,
          totalThoughts: 5,
          nextThoughtNeeded: true,
        },
        'arguments',
        '{"thoughtNumber":2,"totalThoughts":5,"nextThoughtNeeded":true,"branches":[],"thoughtHistoryLength":2}',
      ),
    },
  ];
}

/** All benign collaboration drafts. */
export function collaborationTraffic(rng: Rng): Draft[] {
  return [...slack(rng), ...mail(rng), ...trackers(), ...memory(rng)];
}
