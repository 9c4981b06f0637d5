import { useState } from 'preact/hooks';
import { SeverityBadge } from '../components/badges';
import { Link } from '../components/link';
import { ErrorBox, Loaded } from '../components/states';
import { type ApiError, api } from '../lib/api';
import { SEVERITIES } from '../lib/format';
import type { Rule } from '../lib/types';
import { useApi } from '../lib/use-api';

const ACTIONS = ['alert', 'redact', 'block'] as const;

/** The rule catalogue with alert counts; enable/disable, severity and action in place (admin). */
export function RulesPage() {
  const rules = useApi<{ items: Rule[] }>('/api/rules');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  // Shown at once, before the server confirms; dropped again if it refuses.
  const [pending, setPending] = useState<Record<string, Partial<Rule>>>({});
  const change = async (rule: Rule, patch: Partial<Pick<Rule, 'enabled' | 'severity' | 'action'>>) => {
    setError(null);
    setSaved('');
    setPending((current) => ({ ...current, [rule.id]: { ...current[rule.id], ...patch } }));
    try {
      await api('PATCH', `/api/rules/${encodeURIComponent(rule.id)}`, patch);
      setSaved(`Saved ${rule.id}.`);
      rules.reload();
    } catch (caught) {
      setError(caught as ApiError);
      setPending((current) => ({ ...current, [rule.id]: {} }));
    }
  };
  const needle = filter.trim().toLowerCase();
  return (
    <section>
      <div class="page-head">
        <h1>Rules</h1>
        <Link href="/rules/new" class="button primary">
          New custom rule
        </Link>
      </div>
      <div class="filters">
        <label>
          Search rules
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <span role="status">{saved}</span>
      </div>
      <ErrorBox error={error} />
      <Loaded state={rules}>
        {(data) => (
          <table class="rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Category</th>
                <th scope="col">Source</th>
                <th scope="col">Enabled</th>
                <th scope="col">Severity</th>
                <th scope="col">Action</th>
                <th scope="col">Alerts</th>
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody>
              {data.items
                .filter(
                  (rule) =>
                    needle === '' ||
                    `${rule.id} ${rule.title} ${rule.category}`.toLowerCase().includes(needle),
                )
                .map((stored) => ({ ...stored, ...pending[stored.id] }))
                .map((rule) => (
                  <tr key={rule.id}>
                    <td>
                      <Link href={`/rules/${encodeURIComponent(rule.id)}`}>{rule.title}</Link>
                      <br />
                      <code class="muted">{rule.id}</code>
                    </td>
                    <td>{rule.category.replace('_', ' ')}</td>
                    <td>{rule.source}</td>
                    <td>
                      <input
                        type="checkbox"
                        checked={rule.enabled}
                        aria-label={`Enable ${rule.title}`}
                        onChange={(e) => change(rule, { enabled: e.currentTarget.checked })}
                      />
                    </td>
                    <td>
                      <SeverityBadge severity={rule.severity} />{' '}
                      <select
                        aria-label={`Severity of ${rule.title}`}
                        value={rule.severity}
                        onChange={(e) => change(rule, { severity: e.currentTarget.value })}
                      >
                        {SEVERITIES.map((value) => (
                          <option key={value} value={value}>
                            {value}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={`Action of ${rule.title}`}
                        value={rule.action}
                        onChange={(e) => change(rule, { action: e.currentTarget.value })}
                      >
                        {ACTIONS.map((value) => (
                          <option key={value} value={value}>
                            {value}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {rule.alertCount > 0 ? (
                        <Link href={`/alerts?status=all&rule=${encodeURIComponent(rule.id)}`}>
                          {rule.alertCount}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                    <td>{rule.findingCount}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
