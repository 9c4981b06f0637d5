import type { RatingInputs } from '../store/index.js';

/** Points one open alert costs the open-alerts component, by severity. */
export const SEVERITY_WEIGHTS: Readonly<Record<string, number>> = {
  critical: 25,
  high: 10,
  medium: 4,
  low: 1,
  informational: 0,
};

/** Multiplier by age band of an open alert: younger than a day, up to a week, older. */
export const AGE_FACTORS = [1, 1.5, 2] as const;

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface RatingComponent {
  readonly name: 'open_alerts' | 'finding_rate' | 'severe_findings' | 'triage_backlog';
  /** 0..100, higher is better. */
  readonly score: number;
  /** Share of the overall score; the weights add up to 1. */
  readonly weight: number;
  readonly detail: string;
}

export interface SecurityRating {
  readonly score: number;
  readonly grade: Grade;
  readonly components: readonly RatingComponent[];
}

const clamp = (value: number) => Math.max(0, Math.min(100, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The security rating (README "Security rating"): a weighted mean of four 0..100 components.
 * - open_alerts (0.40): 100 minus the sum over open alerts of severity weight x age factor.
 * - finding_rate (0.25): 100 x (1 - 4 x share of the last 7 UTC days' events with a finding); 25% or more scores 0.
 * - severe_findings (0.20): 100 minus 5 per critical or blocked finding in those 7 days.
 * - triage_backlog (0.15): 100 x share of those days' alerts, over a day old, that someone has touched.
 */
export function rateSecurity(inputs: RatingInputs): SecurityRating {
  const components = [openAlerts(inputs), findingRate(inputs), severeFindings(inputs), triageBacklog(inputs)];
  const score = Math.round(components.reduce((sum, c) => sum + c.score * c.weight, 0));
  return { score, grade: gradeOf(score), components };
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

function openAlerts(inputs: RatingInputs): RatingComponent {
  let penalty = 0;
  const bySeverity = new Map<string, number>();
  for (const band of inputs.openAlerts) {
    penalty += (SEVERITY_WEIGHTS[band.severity] ?? 0) * AGE_FACTORS[band.ageBand] * band.count;
    bySeverity.set(band.severity, (bySeverity.get(band.severity) ?? 0) + band.count);
  }
  const total = [...bySeverity.values()].reduce((a, b) => a + b, 0);
  const parts = ['critical', 'high', 'medium', 'low', 'informational']
    .filter((severity) => bySeverity.has(severity))
    .map((severity) => `${bySeverity.get(severity)} ${severity}`);
  return {
    name: 'open_alerts',
    score: round1(clamp(100 - penalty)),
    weight: 0.4,
    detail:
      total === 0
        ? 'no open alerts'
        : `${total} open alert${total === 1 ? '' : 's'} (${parts.join(', ')}), weighted by severity and age: -${round1(penalty)}`,
  };
}

function findingRate(inputs: RatingInputs): RatingComponent {
  const share = inputs.events === 0 ? 0 : inputs.flaggedEvents / inputs.events;
  return {
    name: 'finding_rate',
    score: round1(clamp(100 * (1 - 4 * share))),
    weight: 0.25,
    detail: `${inputs.flaggedEvents} of ${inputs.events} events in the last 7 days had findings (${round1(share * 100)}%)`,
  };
}

function severeFindings(inputs: RatingInputs): RatingComponent {
  return {
    name: 'severe_findings',
    score: clamp(100 - 5 * inputs.severeFindings),
    weight: 0.2,
    detail: `${inputs.severeFindings} critical or blocked findings in the last 7 days`,
  };
}

function triageBacklog(inputs: RatingInputs): RatingComponent {
  const share = inputs.alertsDue === 0 ? 0 : inputs.untriaged / inputs.alertsDue;
  return {
    name: 'triage_backlog',
    score: round1(clamp(100 * (1 - share))),
    weight: 0.15,
    detail:
      inputs.alertsDue === 0
        ? 'no alert of the last 7 days is over a day old'
        : `${inputs.untriaged} of ${inputs.alertsDue} alerts of the last 7 days (over a day old) are still untouched`,
  };
}
