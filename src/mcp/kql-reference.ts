/** The KQL reference resource: what Sentinel's hunting supports, with worked examples on its tables. */
export const KQL_REFERENCE = `# KQL for Sentinel hunting

Queries run read-only over five tables (see sentinel://hunting/schema for every column):
McpEvents (captured tool calls), Findings (detections), Alerts, Servers, AuditLogs.
Columns are PascalCase as in Microsoft Sentinel: TimeGenerated, ServerId, User, Agent, Tool,
Method, Arguments (dynamic), Prompt, Response, Metadata (dynamic), Severity, RuleId, ...
Dynamic columns support property access: Metadata.file_path, Arguments['path'].

Run a query with run_kql_query (optional timespan: P7D, PT12H, or {from, to}); check it first
with validate_kql_query, which returns positioned diagnostics.

## Operators
where, project, project-away, project-rename, extend, summarize (count, countif, dcount, sum,
avg, min, max, make_set, make_list, arg_max, arg_min, percentile; by with bin()), top,
take/limit, sort/order by, distinct, count, join (inner, leftouter, leftanti, leftsemi), union,
let (scalars and tabular), mv-expand, render (a chart hint).

## Functions
ago, now, datetime, bin, startofday, tolower, toupper, strlen, substring, strcat, split,
extract, tostring, toint, tolong, todouble, todatetime, isempty, isnotempty, isnull, isnotnull,
iif/iff, case, coalesce, array_length, parse_json.

## String operators
== and != (case-sensitive), =~ and !~ (case-insensitive), has / !has (whole term,
case-insensitive), has_any, has_all, contains / !contains (substring, case-insensitive),
startswith, endswith, matches regex, in, !in, in~, between.

## Worked examples

Who calls shell-like tools, per hour, top 10:

    McpEvents
    | where TimeGenerated > ago(7d) and Tool has "exec"
    | summarize Calls = count() by User, bin(TimeGenerated, 1h)
    | top 10 by Calls

Files read outside the usual folders:

    McpEvents
    | where TimeGenerated > ago(1d)
    | extend Path = tostring(Arguments.path)
    | where isnotempty(Path) and not(Path startswith "/workspace/")
    | project TimeGenerated, User, Agent, Tool, Path

Top talkers (users with most calls and distinct tools):

    McpEvents
    | where TimeGenerated > ago(7d)
    | summarize Calls = count(), Tools = dcount(Tool) by User
    | sort by Calls desc
    | take 20

Events with high-severity findings, joined:

    Findings
    | where Severity in ("high", "critical")
    | join kind=inner (McpEvents | project EventId, User, Tool, Prompt) on EventId
    | project TimeGenerated, RuleId, Title, User, Tool, Evidence

Users who touched a leaked secret fingerprint:

    Findings
    | where Category == "secrets" and isnotempty(Fingerprint)
    | summarize Users = make_set(User), Seen = count() by Fingerprint
    | where Seen > 1

Prompt-injection phrases in responses, daily trend:

    McpEvents
    | where Response has_any ("ignore previous", "system prompt", "disregard")
    | summarize Hits = count() by bin(TimeGenerated, 1d)
    | render timechart

Rules that raise the most alerts this month:

    Alerts
    | where TimeGenerated > ago(30d)
    | summarize Alerts = count(), Open = countif(Status in ("new", "in_progress")) by RuleId
    | top 10 by Alerts

Results are capped (SENTINEL_HUNT_MAX_ROWS, truncation is flagged) and time-limited
(SENTINEL_HUNT_TIMEOUT_SECONDS). Valid KQL that Sentinel does not support yet returns an error
naming the operator or function and its position.
`;
