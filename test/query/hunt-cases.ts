/** A query with the rows it must return on every backend (queries sort where order matters). */
export interface HuntCase {
  readonly name: string;
  readonly query: string;
  readonly columns?: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const CAROL = 'Carol@Example.com';

/** Operators: where, project, project-away/-rename, extend, summarize, top, take, sort, distinct, count, join, union, let, mv-expand. */
export const OPERATOR_CASES: readonly HuntCase[] = [
  {
    name: 'the issue example: where ago + has, summarize count by user and bin 1h, top',
    query:
      'McpEvents | where TimeGenerated > ago(7d) and Tool has "exec" | summarize Calls = count() by User, bin(TimeGenerated, 1h) | top 10 by Calls',
    columns: ['User', 'TimeGenerated', 'Calls'],
    rows: [
      [ALICE, '2026-11-01T10:00:00.000Z', 2],
      [CAROL, '2026-11-01T12:00:00.000Z', 1],
    ],
  },
  {
    name: 'where with and/or and comparisons',
    query:
      'McpEvents | where DurationMs > 10 and (IsError == false or Tool == "shell_exec") | project DurationMs | sort by DurationMs asc',
    rows: [[12.5], [40], [250]],
  },
  {
    name: 'project with names and computed columns',
    query:
      'McpEvents | where Tool == "http_fetch" | project User, Length = strlen(Prompt), Server = ServerId',
    columns: ['User', 'Length', 'Server'],
    rows: [[BOB, 30, '01900000-0000-7000-8000-00000000000a']],
  },
  {
    name: 'project-away and project-rename',
    query:
      'McpEvents | where Tool == "http_fetch" | project User, Tool, Agent | project-away Agent | project-rename Who = User',
    columns: ['Who', 'Tool'],
    rows: [[BOB, 'http_fetch']],
  },
  {
    name: 'extend adds and replaces columns',
    query:
      'McpEvents | where Tool == "http_fetch" | project Tool, DurationMs | extend Tool = toupper(Tool), Slow = DurationMs >= 100',
    columns: ['Tool', 'DurationMs', 'Slow'],
    rows: [['HTTP_FETCH', 100, true]],
  },
  {
    name: 'summarize count, countif, dcount, sum, avg, min, max',
    query:
      'McpEvents | where Metadata.operation == "exec" | summarize c = count(), e = countif(IsError), d = dcount(User), s = sum(DurationMs), a = avg(DurationMs), lo = min(TimeGenerated), hi = max(DurationMs)',
    rows: [[3, 1, 2, 290, 145, '2026-11-01T10:10:00.000Z', 250]],
  },
  {
    name: 'summarize make_set and make_list (sorted, nulls dropped)',
    query:
      'McpEvents | where Metadata.operation == "exec" | summarize s = make_set(Tool), l = make_list(User)',
    rows: [
      [
        ['Exec_Remote', 'shell_exec'],
        [CAROL, ALICE, ALICE],
      ],
    ],
  },
  {
    name: 'summarize arg_max with columns by user',
    query:
      'McpEvents | where isnotempty(User) | summarize arg_max(TimeGenerated, Tool) by User | sort by User asc',
    columns: ['User', 'TimeGenerated', 'Tool'],
    rows: [
      [CAROL, '2026-11-01T12:30:00.000Z', 'Exec_Remote'],
      [ALICE, '2026-11-01T10:20:00.000Z', 'shell_exec'],
      [BOB, '2026-11-01T11:05:00.000Z', 'http_fetch'],
    ],
  },
  {
    name: 'summarize arg_min with *',
    query:
      'McpEvents | where User == "bob@example.com" | summarize arg_min(DurationMs, *) by User | project User, DurationMs, Tool',
    rows: [[BOB, 3, 'filesystem']],
  },
  {
    name: 'summarize percentile (nearest rank) by agent',
    query:
      'McpEvents | summarize p50 = percentile(DurationMs, 50), p90 = percentile(DurationMs, 90) by Agent | sort by Agent asc',
    rows: [
      ['', null, null],
      ['claude-3', 12.5, 250],
      ['gpt-4', 3, 100],
    ],
  },
  {
    name: 'summarize by bin of a number',
    query: 'McpEvents | summarize n = count() by bin(DurationMs, 50) | sort by DurationMs asc',
    rows: [
      [null, 2],
      [0, 4],
      [100, 1],
      [250, 1],
    ],
  },
  {
    name: 'top by a column ascending',
    query: 'McpEvents | top 2 by DurationMs asc nulls last | project DurationMs',
    rows: [[3], [8]],
  },
  {
    name: 'sort then take keeps the order',
    query: 'McpEvents | sort by TimeGenerated desc | take 2 | project TimeGenerated',
    rows: [['2026-11-01T23:59:59.999Z'], ['2026-11-01T12:30:00.000Z']],
  },
  {
    name: 'order by two keys with limit',
    query: 'McpEvents | order by User asc, TimeGenerated asc | limit 3 | project User, TimeGenerated',
    rows: [
      ['', '2026-11-01T23:59:59.999Z'],
      [CAROL, '2026-11-01T12:30:00.000Z'],
      [ALICE, '2026-10-30T08:00:00.000Z'],
    ],
  },
  {
    name: 'distinct',
    query: 'McpEvents | distinct Agent, ServerId | sort by Agent asc, ServerId asc',
    rows: [
      ['', '01900000-0000-7000-8000-00000000000a'],
      ['claude-3', '01900000-0000-7000-8000-00000000000a'],
      ['claude-3', '01900000-0000-7000-8000-00000000000b'],
      ['gpt-4', '01900000-0000-7000-8000-00000000000a'],
    ],
  },
  { name: 'count', query: 'McpEvents | where Tool == "filesystem" | count', columns: ['Count'], rows: [[3]] },
  {
    name: 'join kind=inner with a subquery',
    query:
      'McpEvents | join kind=inner (Findings | project EventId, RuleId) on EventId | project User, RuleId | order by RuleId asc',
    rows: [
      [ALICE, 'command-injection'],
      [BOB, 'sql-injection'],
    ],
  },
  {
    name: 'join kind=leftouter keeps unmatched left rows',
    query:
      'McpEvents | where isnotempty(User) | summarize by User | join kind=leftouter (Findings | summarize f = count() by User) on User | project User, f | sort by User asc',
    rows: [
      [CAROL, null],
      [ALICE, 1],
      [BOB, 1],
    ],
  },
  {
    name: 'join kind=leftanti',
    query: 'McpEvents | join kind=leftanti Findings on EventId | count',
    rows: [[6]],
  },
  {
    name: 'join kind=leftsemi with $left/$right',
    query:
      'McpEvents | join kind=leftsemi Findings on $left.EventId == $right.EventId | project Tool | sort by Tool asc',
    rows: [['http_fetch'], ['shell_exec']],
  },
  {
    name: 'join default kind (innerunique)',
    query: 'McpEvents | join (Findings) on EventId | project Tool, Severity | sort by Tool asc',
    rows: [
      ['http_fetch', 'medium'],
      ['shell_exec', 'high'],
    ],
  },
  {
    name: 'union of two tables with different columns',
    query:
      'McpEvents | where Tool == "http_fetch" | project TimeGenerated, User | union (Findings | project TimeGenerated, RuleId) | sort by TimeGenerated asc, RuleId asc',
    columns: ['TimeGenerated', 'User', 'RuleId'],
    rows: [
      ['2026-11-01T10:20:00.000Z', null, 'command-injection'],
      ['2026-11-01T11:05:00.000Z', BOB, null],
      ['2026-11-01T11:05:00.000Z', null, 'sql-injection'],
    ],
  },
  {
    name: 'let scalar and let tabular',
    query:
      'let who = "alice@example.com"; let since = datetime(2026-11-01); let recent = McpEvents | where TimeGenerated >= since; recent | where User == who | count',
    rows: [[3]],
  },
  {
    name: 'mv-expand a dynamic array to strings',
    query:
      'McpEvents | mv-expand Tag = Metadata.tags to typeof(string) | summarize n = count() by Tag | sort by Tag asc',
    rows: [
      ['a', 1],
      ['b', 2],
      ['c', 2],
    ],
  },
  {
    name: 'project-keep and project-reorder',
    query: 'McpEvents | where Tool == "http_fetch" | project-keep Tool, User | project-reorder User',
    columns: ['User', 'Tool'],
    rows: [[BOB, 'http_fetch']],
  },
  {
    name: 'join kind=rightouter, fullouter and rightsemi',
    query:
      'Findings | project EventId, RuleId | join kind=rightouter (McpEvents | where isnotempty(User) | project EventId, Tool) on EventId | summarize rules = countif(isnotempty(RuleId)), total = count() | union (Findings | project EventId | join kind=fullouter (McpEvents | project EventId) on EventId | summarize total = count() | project rules = 0, total), (Findings | join kind=rightsemi McpEvents on EventId | summarize total = count() | project rules = 0, total) | sort by total asc',
    rows: [
      [0, 2],
      [2, 7],
      [0, 8],
    ],
  },
  {
    name: 'leading union kind=inner keeps the common columns',
    query:
      'union kind=inner (McpEvents | project TimeGenerated, ServerId), (Findings | project TimeGenerated, ServerId, RuleId) | count',
    rows: [[10]],
  },
  {
    name: 'mv-expand of a column path, one row per element',
    query:
      'McpEvents | where Tool == "filesystem" and not(IsError) | mv-expand Metadata.tags | project Metadata_tags, Prompt | sort by Prompt asc',
    rows: [
      ['a', 'Read the configuration file'],
      ['b', 'Read the configuration file'],
    ],
  },
  {
    name: 'Servers (without credentials), AuditLogs and Alerts',
    query:
      'Servers | join kind=inner (AuditLogs | project ServerId = TargetId, Action, Details) on ServerId | join kind=leftouter (Alerts | summarize Open = countif(Status == "new") by ServerId) on ServerId | project Name, Type, Tags, AllowUnauthenticated, Action, Who = Details.name, Open, TimeGenerated',
    rows: [
      ['files', 'filesystem', ['prod', 'eu'], false, 'server.create', 'files', 2, '2026-10-01T00:00:00.000Z'],
    ],
  },
  {
    name: 'render passes the chart through and leaves rows alone',
    query:
      'McpEvents | summarize n = count() by Method | sort by Method asc | render columnchart with (title="Calls")',
    rows: [
      ['tools/call', 7],
      ['tools/list', 1],
    ],
  },
];

/** Scalar functions and string operators, each on a known row. */
export const FUNCTION_CASES: readonly HuntCase[] = [
  {
    name: 'ago, now, datetime, startofday, bin on datetimes',
    query:
      'McpEvents | where TimeGenerated between (ago(2d) .. now()) and TimeGenerated < datetime(2026-11-01 10:30) | project d = startofday(TimeGenerated), h = bin(TimeGenerated, 1h), w = bin(TimeGenerated, 7d) | sort by h asc',
    rows: [
      ['2026-11-01T00:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-10-26T00:00:00.000Z'],
      ['2026-11-01T00:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-10-26T00:00:00.000Z'],
      ['2026-11-01T00:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-10-26T00:00:00.000Z'],
    ],
  },
  {
    name: 'tolower, toupper, strlen, substring, strcat',
    query:
      'McpEvents | where Tool == "http_fetch" | project tolower(User), toupper(Tool), strlen(Tool), substring(Tool, 5), substring(Tool, 0, 4), strcat(Agent, ":", DurationMs)',
    columns: ['Column1', 'Column2', 'strlen_Tool', 'Column3', 'Column4', 'Column5'],
    rows: [[BOB, 'HTTP_FETCH', 10, 'fetch', 'http', 'gpt-4:100']],
  },
  {
    name: 'split and extract',
    query:
      'McpEvents | where Tool == "http_fetch" | project parts = split(User, "@"), domain = extract("@([a-z.]+)$", 1, User), whole = extract("[a-z]+", 0, Prompt), none = extract("zzz(q)", 1, Prompt)',
    rows: [[['bob', 'example.com'], 'example.com', 'etch', '']],
  },
  {
    name: 'tostring, toint, tolong, todouble, todatetime',
    query:
      'McpEvents | where Tool == "http_fetch" | project s = tostring(DurationMs), i = toint("42"), l = tolong(DurationMs), r = todouble("2.5"), bad = toint("x"), t = todatetime("2026-11-01T10:00:00Z"), sd = tostring(TimeGenerated)',
    rows: [['100', 42, 100, 2.5, null, '2026-11-01T10:00:00.000Z', '2026-11-01T11:05:00.000Z']],
  },
  {
    name: 'isempty, isnotempty, isnull, isnotnull',
    query:
      'McpEvents | where Method == "tools/list" | project a = isempty(User), b = isnotempty(User), c = isnull(DurationMs), d = isnotnull(TimeGenerated)',
    rows: [[true, false, true, true]],
  },
  {
    name: 'iif, iff, case, coalesce',
    query:
      'McpEvents | where isnotnull(DurationMs) | project DurationMs, a = iif(DurationMs > 50, "slow", "fast"), b = iff(IsError, 1, 0), c = case(DurationMs > 100, "high", DurationMs > 10, "mid", "low"), d = coalesce(Client, Agent, "none") | sort by DurationMs asc',
    rows: [
      [3, 'fast', 0, 'low', 'gpt-4'],
      [8, 'fast', 0, 'low', 'claude-3'],
      [12.5, 'fast', 0, 'mid', 'claude-3'],
      [40, 'fast', 0, 'mid', 'claude-3'],
      [100, 'slow', 0, 'mid', 'gpt-4'],
      [250, 'slow', 1, 'high', 'claude-3'],
    ],
  },
  {
    name: 'array_length, parse_json and dynamic property access',
    query:
      'McpEvents | where Tool == "filesystem" and Metadata.file_path startswith "/etc/c" | project n = array_length(Metadata.tags), firstTag = Metadata.tags[0], path = tostring(Metadata["file_path"]), arg = Arguments.path, parsed = parse_json(\'{"a": [1, 2]}\').a[1], size = toint(Metadata.size) + 1',
    rows: [[2, 'a', '/etc/config.json', '/etc/config.json', 2, 121]],
  },
  {
    name: '== is case-sensitive, =~ and !~ are not',
    query:
      'McpEvents | where User == "carol@example.com" or (User =~ "BOB@example.com" and Tool !~ "FILESYSTEM") | project User',
    rows: [[BOB]],
  },
  {
    name: '!= compares exactly',
    query: 'McpEvents | where Agent != "claude-3" | project Agent | sort by Agent asc',
    rows: [[''], ['gpt-4'], ['gpt-4']],
  },
  {
    name: 'has is a whole-term case-insensitive match',
    query: 'McpEvents | where Prompt has "EXEC" | project Prompt | sort by Prompt asc',
    rows: [['exec-ute'], ['run exec now']],
  },
  {
    name: '!has',
    query:
      'McpEvents | where Prompt !has "file" and isnotempty(Prompt) | project Prompt | sort by Prompt asc',
    rows: [
      ['EXECUTE plan'],
      ['Fetch https://example.com/?q=1'],
      ['List files'],
      ['Read passwd'],
      ['exec-ute'],
      ['run exec now'],
    ],
  },
  {
    name: 'has_any and has_all',
    query:
      'McpEvents | where Prompt has_any ("passwd", "plan") or Prompt has_all ("run", "now") | project Prompt | sort by Prompt asc',
    rows: [['EXECUTE plan'], ['Read passwd'], ['run exec now']],
  },
  {
    name: 'contains and !contains (case-insensitive substrings)',
    query:
      'McpEvents | where Prompt contains "EXEC" and Prompt !contains "PLAN" | project Prompt | sort by Prompt asc',
    rows: [['exec-ute'], ['run exec now']],
  },
  {
    name: 'startswith and endswith',
    query:
      'McpEvents | where Tool startswith "SHELL" or Tool endswith "remote" | project Tool | sort by Tool asc',
    rows: [['Exec_Remote'], ['shell_exec'], ['shell_exec']],
  },
  {
    name: 'matches regex (case-sensitive)',
    query: 'McpEvents | where Prompt matches regex "^[A-Z]{4}" | project Prompt',
    rows: [['EXECUTE plan']],
  },
  {
    name: 'in, !in and in~',
    query:
      'McpEvents | where Tool in ("filesystem", "http_fetch") and User !in ("alice@example.com") and Agent in~ ("GPT-4") | project Tool | sort by Tool asc',
    rows: [['filesystem'], ['http_fetch']],
  },
  {
    name: 'between on numbers and on datetimes with a timespan',
    query:
      'McpEvents | where DurationMs between (10 .. 100) and TimeGenerated between (datetime(2026-11-01T10:00:00Z) .. 2h) | project DurationMs | sort by DurationMs asc',
    rows: [[12.5], [40], [100]],
  },
  {
    name: 'has_cs, hasprefix, !between, filter, percentiles, abs, todynamic',
    query:
      'McpEvents | filter Prompt has_cs "exec" and Prompt hasprefix "ru" and DurationMs !between (1 .. 100) | extend a = abs(-DurationMs), d = todynamic("[1]") | project Prompt, a, d',
    rows: [['run exec now', 250, [1]]],
  },
  {
    name: 'percentiles gives one column per level',
    query: 'McpEvents | summarize percentiles(DurationMs, 25, 75)',
    columns: ['percentile_DurationMs_25', 'percentile_DurationMs_75'],
    rows: [[8, 100]],
  },
  {
    name: 'datetime arithmetic gives timespans',
    query:
      'McpEvents | where Tool == "http_fetch" | project age = datetime(2026-11-02) - TimeGenerated, later = TimeGenerated + 1d',
    rows: [['12:55:00', '2026-11-02T11:05:00.000Z']],
  },
];

/**
 * A null stored string is '' in KQL. Filters on a table compare the bare column when the test
 * cannot hold for '' and keep `COALESCE(c, '')` otherwise; these pin that both read the same rows
 * (one event of eight has no tool).
 */
export const NULL_TEXT_CASES: readonly HuntCase[] = [
  { name: '== "" finds the null tool', query: 'McpEvents | where Tool == "" | count', rows: [[1]] },
  { name: '!= counts the null tool', query: 'McpEvents | where Tool != "filesystem" | count', rows: [[5]] },
  {
    name: 'not(==) counts the null tool',
    query: 'McpEvents | where not(Tool == "filesystem") | count',
    rows: [[5]],
  },
  {
    name: 'in with "" finds the null tool',
    query: 'McpEvents | where Tool in ("", "filesystem") | count',
    rows: [[4]],
  },
  {
    name: '!in counts the null tool',
    query: 'McpEvents | where Tool !in ("filesystem") | count',
    rows: [[5]],
  },
  {
    name: 'startswith, contains and has of "" hold for the null tool',
    query: 'McpEvents | where Tool startswith "" and Tool contains "" and Tool has "" | count',
    rows: [[8]],
  },
  { name: '!has counts the null tool', query: 'McpEvents | where Tool !has "exec" | count', rows: [[5]] },
  { name: 'a regex can match ""', query: 'McpEvents | where Tool matches regex "^$" | count', rows: [[1]] },
  {
    name: 'a comparison inside iif is a value, not a filter',
    query: 'McpEvents | where iif(Tool == "filesystem", false, true) | count',
    rows: [[5]],
  },
  {
    name: 'a comparison as a column is false, not null, for the null tool',
    query: 'McpEvents | where isempty(Tool) | project fs = Tool == "filesystem", ex = Tool has "exec"',
    rows: [[false, false]],
  },
  {
    name: 'bare-column tests mixed with an isempty under or',
    query: 'McpEvents | where "filesystem" == Tool or Tool in~ ("SHELL_EXEC") or isempty(Tool) | count',
    rows: [[6]],
  },
  {
    name: 'has_any, =~, endswith and hasprefix on the bare column',
    query:
      'McpEvents | where Tool has_any ("exec", "fetch") or Tool =~ "FILESYSTEM" or Tool endswith_cs "x" or Tool hasprefix "nope" | count',
    rows: [[7]],
  },
  {
    name: 'a filter after extend reads the COALESCE column',
    query: 'McpEvents | extend t = Tool | where t == "" or Tool == "http_fetch" | count',
    rows: [[2]],
  },
];
