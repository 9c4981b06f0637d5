/**
 * The five typical hunts of issue 6 part 7, each with a hand-written SQL equivalent per dialect:
 * the baseline that shows what the translation costs over SQL a person would write.
 */
export interface Hunt {
  readonly name: string;
  readonly kql: string;
  /** `?` placeholders; the one parameter is the lower time bound. Same row limit as the hunt's (10,000 + 1). */
  readonly sql: { readonly sqlite: string; readonly postgres: string };
  /** How far back the hunt looks, for the baseline's parameter. */
  readonly days: number;
}

export const HUNTS: readonly Hunt[] = [
  {
    name: 'filter time+tool',
    days: 1,
    kql: 'McpEvents | where TimeGenerated > ago(1d) and Tool == "execute_command" | project TimeGenerated, User, ServerId, Arguments | sort by TimeGenerated desc | take 100',
    sql: {
      sqlite:
        "SELECT ts, user_name, server_id, arguments FROM events WHERE ts > ? AND tool = 'execute_command' ORDER BY ts DESC LIMIT 100",
      postgres:
        "SELECT ts, user_name, server_id, arguments FROM events WHERE ts > ? AND tool = 'execute_command' ORDER BY ts DESC LIMIT 100",
    },
  },
  {
    name: 'summarize user×hour',
    days: 30,
    kql: 'McpEvents | where TimeGenerated > ago(30d) | summarize Calls = count() by User, bin(TimeGenerated, 1h)',
    sql: {
      sqlite:
        'SELECT user_name, (ts / 3600000) * 3600000 AS h, COUNT(*) AS calls FROM events WHERE ts > ? GROUP BY user_name, h LIMIT 10001',
      postgres:
        "SELECT user_name, date_trunc('hour', ts) AS h, COUNT(*) AS calls FROM events WHERE ts > ? GROUP BY user_name, h LIMIT 10001",
    },
  },
  {
    name: 'top talkers',
    days: 30,
    kql: 'McpEvents | where TimeGenerated > ago(30d) | summarize Calls = count() by User | top 10 by Calls',
    sql: {
      sqlite:
        'SELECT user_name, COUNT(*) AS calls FROM events WHERE ts > ? GROUP BY user_name ORDER BY calls DESC LIMIT 10',
      postgres:
        'SELECT user_name, COUNT(*) AS calls FROM events WHERE ts > ? GROUP BY user_name ORDER BY calls DESC LIMIT 10',
    },
  },
  {
    name: 'join events×findings',
    days: 7,
    kql: 'McpEvents | where TimeGenerated > ago(7d) | join kind=inner (Findings | where Severity == "high") on EventId | summarize Hits = count() by User, RuleId | top 20 by Hits',
    sql: {
      sqlite:
        "SELECT e.user_name, f.rule_id, COUNT(*) AS hits FROM events e JOIN findings f ON f.event_id = e.id WHERE e.ts > ? AND f.severity = 'high' GROUP BY e.user_name, f.rule_id ORDER BY hits DESC LIMIT 20",
      postgres:
        "SELECT e.user_name, f.rule_id, COUNT(*) AS hits FROM events e JOIN findings f ON f.event_id = e.id WHERE e.ts > ? AND f.severity = 'high' GROUP BY e.user_name, f.rule_id ORDER BY hits DESC LIMIT 20",
    },
  },
  {
    name: 'text search has',
    days: 7,
    kql: 'McpEvents | where TimeGenerated > ago(7d) and Prompt has "password" | project TimeGenerated, User, Tool, Prompt',
    sql: {
      sqlite: "SELECT ts, user_name, tool, prompt FROM events WHERE ts > ? AND prompt LIKE '%password%'",
      postgres: "SELECT ts, user_name, tool, prompt FROM events WHERE ts > ? AND prompt ILIKE '%password%'",
    },
  },
];
