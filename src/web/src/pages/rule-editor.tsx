import { useEffect, useState } from 'preact/hooks';
import { SeverityBadge } from '../components/badges';
import { HighlightedText } from '../components/highlighted-text';
import { Empty, ErrorBox, Loading } from '../components/states';
import { type ApiError, api } from '../lib/api';
import { SEVERITIES } from '../lib/format';
import { navigate } from '../lib/router';
import type { Finding, Rule } from '../lib/types';

const CATEGORIES = [
  'prompt_injection',
  'tool_poisoning',
  'secrets',
  'pii',
  'path_traversal',
  'sql_injection',
  'command_injection',
  'ssrf',
  'exfiltration',
  'behaviour',
  'custom',
];
const FIELD_ROLES = ['prompt', 'response', 'tool_description', 'argument', 'metadata', 'identity'];
const ACTIONS = ['alert', 'redact', 'block'];

interface Draft {
  id: string;
  title: string;
  description: string;
  category: string;
  severity: string;
  action: string;
  fields: string[];
  pattern: string;
  flags: string;
  atlas: string;
  owasp: string;
  enabled: boolean;
}

const EMPTY: Draft = {
  id: '',
  title: '',
  description: '',
  category: 'custom',
  severity: 'medium',
  action: 'alert',
  fields: ['prompt'],
  pattern: '',
  flags: 'i',
  atlas: '',
  owasp: '',
  enabled: true,
};

const SAMPLE_EVENT = JSON.stringify(
  {
    timestamp: '2026-11-01T10:30:00Z',
    user: 'user@example.com',
    tool: 'filesystem',
    prompt: 'Paste or write an event here',
  },
  null,
  2,
);

function toDraft(rule: Rule): Draft {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    category: rule.category,
    severity: rule.severity,
    action: rule.action,
    fields: [...rule.fields],
    pattern: rule.match?.pattern ?? '',
    flags: rule.match?.flags ?? '',
    atlas: rule.mappings.atlas.join(', '),
    owasp: rule.mappings.owasp.join(', '),
    enabled: rule.enabled,
  };
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);

function toBody(draft: Draft, detector: string | undefined) {
  return {
    id: draft.id,
    title: draft.title,
    description: draft.description,
    category: draft.category,
    severity: draft.severity,
    action: draft.action,
    fields: draft.fields,
    ...(detector ? { detector } : { match: { pattern: draft.pattern, flags: draft.flags } }),
    mappings: { atlas: list(draft.atlas), owasp: list(draft.owasp) },
    enabled: draft.enabled,
  };
}

/** Create or edit a custom rule (built-in and file rules are shown read-only) and try it on an event. */
export function RuleEditorPage({ id }: { id: string | null }) {
  const [rule, setRule] = useState<Rule | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    if (id === null) return;
    api<Rule>('GET', `/api/rules/${encodeURIComponent(id)}`)
      .then((loaded) => {
        setRule(loaded);
        setDraft(toDraft(loaded));
      })
      .catch((caught: ApiError) => setLoadError(caught));
  }, [id]);
  if (id !== null && rule === null) return loadError ? <ErrorBox error={loadError} /> : <Loading />;
  const readOnly = rule !== null && rule.source !== 'custom';
  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const fieldError = (path: string) =>
    error?.details.find((detail) => detail.path === path || detail.path?.startsWith(`${path}.`))?.message;
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    try {
      const body = toBody(draft, rule?.detector);
      if (rule === null) {
        const created = await api<Rule>('POST', '/api/rules', body);
        navigate(`/rules/${encodeURIComponent(created.id)}`, true);
      } else {
        const { id: _id, ...rest } = body;
        setRule(await api<Rule>('PUT', `/api/rules/${encodeURIComponent(rule.id)}`, rest));
        setSaved('Saved.');
      }
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const text = (name: keyof Draft, label: string, props: Record<string, unknown> = {}) => (
    <>
      <label for={`rule-${name}`}>{label}</label>
      <input
        id={`rule-${name}`}
        value={String(draft[name])}
        readOnly={readOnly}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `rule-${name}-error` : undefined}
        onInput={(e) => update({ [name]: e.currentTarget.value } as Partial<Draft>)}
        {...props}
      />
      {fieldError(name) && (
        <small id={`rule-${name}-error`} class="field-error">
          {fieldError(name)}
        </small>
      )}
    </>
  );
  const select = (name: 'category' | 'severity' | 'action', label: string, values: readonly string[]) => (
    <>
      <label for={`rule-${name}`}>{label}</label>
      <select
        id={`rule-${name}`}
        value={draft[name]}
        disabled={readOnly}
        onChange={(e) => update({ [name]: e.currentTarget.value } as Partial<Draft>)}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {value.replace('_', ' ')}
          </option>
        ))}
      </select>
    </>
  );
  const patternError = fieldError('match.pattern') ?? fieldError('match') ?? fieldError('detector');
  return (
    <section>
      <div class="page-head">
        <h1>{rule ? rule.title : 'New custom rule'}</h1>
        {rule && <SeverityBadge severity={rule.severity} />}
      </div>
      {readOnly && (
        <p class="notice">
          This is a {rule?.source} rule: change its severity, action or enabled state on the Rules page.
        </p>
      )}
      <div class="two-col">
        <form class="form card" onSubmit={save} noValidate>
          {text('id', 'Rule id', {
            readOnly: readOnly || rule !== null,
            placeholder: 'acme.internal-hostnames',
          })}
          {text('title', 'Title')}
          <label for="rule-description">Description</label>
          <textarea
            id="rule-description"
            rows={2}
            readOnly={readOnly}
            value={draft.description}
            aria-invalid={fieldError('description') ? true : undefined}
            onInput={(e) => update({ description: e.currentTarget.value })}
          />
          {fieldError('description') && <small class="field-error">{fieldError('description')}</small>}
          {select('category', 'Category', CATEGORIES)}
          {select('severity', 'Severity', SEVERITIES)}
          {select('action', 'Action', ACTIONS)}
          <fieldset>
            <legend>Fields it reads</legend>
            {FIELD_ROLES.map((role) => (
              <label key={role} class="choice">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={draft.fields.includes(role)}
                  onChange={(e) =>
                    update({
                      fields: e.currentTarget.checked
                        ? [...draft.fields, role]
                        : draft.fields.filter((field) => field !== role),
                    })
                  }
                />{' '}
                {role.replace('_', ' ')}
              </label>
            ))}
            {fieldError('fields') && <small class="field-error">{fieldError('fields')}</small>}
          </fieldset>
          {rule?.detector ? (
            <p>
              Detector: <code>{rule.detector}</code>
            </p>
          ) : (
            <>
              <label for="rule-pattern">Regular expression</label>
              <input
                id="rule-pattern"
                class="mono"
                readOnly={readOnly}
                value={draft.pattern}
                aria-invalid={patternError ? true : undefined}
                aria-describedby={patternError ? 'rule-pattern-error' : undefined}
                onInput={(e) => update({ pattern: e.currentTarget.value })}
              />
              {patternError && (
                <small id="rule-pattern-error" class="field-error">
                  {patternError}
                </small>
              )}
              {text('flags', 'Flags (i, m, s, u)')}
            </>
          )}
          {text('atlas', 'MITRE ATLAS techniques (comma-separated)')}
          {text('owasp', 'OWASP LLM Top 10 ids (comma-separated)')}
          {error && error.details.length === 0 && <ErrorBox error={error} />}
          {error && error.details.length > 0 && (
            <p class="field-error" role="alert">
              {error.message}: see the marked fields.
            </p>
          )}
          {!readOnly && (
            <div class="actions">
              <button type="submit" class="primary">
                {rule ? 'Save rule' : 'Create rule'}
              </button>
              {rule && (
                <button
                  type="button"
                  class="danger"
                  onClick={async () => {
                    try {
                      await api('DELETE', `/api/rules/${encodeURIComponent(rule.id)}`);
                      navigate('/rules');
                    } catch (caught) {
                      setError(caught as ApiError);
                    }
                  }}
                >
                  Delete rule
                </button>
              )}
              <span role="status">{saved}</span>
            </div>
          )}
        </form>
        <TryIt body={() => toBody({ ...draft, id: draft.id || 'draft.rule' }, rule?.detector)} />
      </div>
    </section>
  );
}

/** Runs the rule as drafted on a pasted event (POST /api/rules/try); nothing is stored. */
function TryIt({ body }: { body: () => ReturnType<typeof toBody> }) {
  const [eventText, setEventText] = useState(SAMPLE_EVENT);
  const [result, setResult] = useState<{ findings: Finding[]; verdict: string } | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const run = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(eventText);
    } catch (caught) {
      setError(new Error(`The event is not valid JSON: ${(caught as Error).message}`));
      return;
    }
    try {
      setResult(await api('POST', '/api/rules/try', { rule: body(), event: parsed }));
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <form class="form card" onSubmit={run}>
      <h2>Try it</h2>
      <label for="try-event">Event (webhook JSON)</label>
      <textarea
        id="try-event"
        class="mono"
        rows={10}
        value={eventText}
        onInput={(e) => setEventText(e.currentTarget.value)}
      />
      <button type="submit">Run the rule on this event</button>
      <ErrorBox error={error} />
      {result && (
        <div role="status" class="try-result">
          {result.findings.length === 0 ? (
            <Empty>No match: verdict {result.verdict}.</Empty>
          ) : (
            <>
              <p>
                {result.findings.length} match{result.findings.length === 1 ? '' : 'es'}: verdict{' '}
                <strong>{result.verdict}</strong>
              </p>
              <ul class="plain">
                {result.findings.map((finding, i) => (
                  <li key={i}>
                    <code>{finding.field}</code> <HighlightedText text={finding.evidence} spans={[]} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
