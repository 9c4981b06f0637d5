import type { Category, McpEvent, ScanResult } from '../../src/core/index.js';
import type { CorpusEntry } from './corpus-file.js';

/** A corpus entry after normalization, ready to scan. */
export interface ScannableEntry {
  readonly entry: CorpusEntry;
  readonly event: McpEvent;
}

export interface CategoryQuality {
  readonly category: Category;
  readonly attacks: number;
  /** Attack lines of this category with at least one finding of this category. */
  readonly detected: number;
  readonly recall: number | null;
  /** Benign lines with at least one finding of this category. */
  readonly benignFlagged: number;
  readonly falsePositiveRate: number;
  /** detected / (detected + benignFlagged); null when neither happened. */
  readonly precision: number | null;
}

export interface Miss {
  readonly id: string;
  readonly category: Category | null;
  readonly note: string;
  /** For a miss: the categories the engine did report. For a false positive: rule ids and fields. */
  readonly detail: string;
}

export interface QualityReport {
  readonly attacks: number;
  readonly benign: number;
  readonly benignFlagged: number;
  readonly falsePositiveRate: number;
  readonly categories: readonly CategoryQuality[];
  readonly missed: readonly Miss[];
  readonly falsePositives: readonly Miss[];
  /** Entries whose scan threw: an engine bug, listed so it is not hidden in the rates. */
  readonly errors: readonly Miss[];
}

type Scan = (event: McpEvent) => ScanResult;

/** Scans every entry once and scores recall, false positives and precision per category. */
export function measureQuality(entries: readonly ScannableEntry[], scan: Scan): QualityReport {
  const attackCount = new Map<Category, number>();
  const detected = new Map<Category, number>();
  const benignFlagged = new Map<Category, number>();
  const missed: Miss[] = [];
  const falsePositives: Miss[] = [];
  const errors: Miss[] = [];
  let benign = 0;
  let benignWithAny = 0;
  for (const { entry, event } of entries) {
    let result: ScanResult;
    try {
      result = scan(event);
    } catch (error) {
      errors.push({ id: entry.id, category: entry.category, note: entry.note, detail: String(error) });
      continue;
    }
    const found = new Set(result.findings.map((finding) => finding.category));
    if (entry.label === 'attack' && entry.category) {
      bump(attackCount, entry.category);
      if (found.has(entry.category)) bump(detected, entry.category);
      else
        missed.push({
          id: entry.id,
          category: entry.category,
          note: entry.note,
          detail: describeCategories(found),
        });
      continue;
    }
    benign++;
    if (found.size === 0) continue;
    benignWithAny++;
    for (const category of found) bump(benignFlagged, category);
    const rules = result.findings.map((finding) => `${finding.ruleId}@${finding.field}`);
    falsePositives.push({
      id: entry.id,
      category: null,
      note: entry.note,
      detail: [...new Set(rules)].join(', '),
    });
  }
  const categories = [...new Set([...attackCount.keys(), ...benignFlagged.keys()])]
    .sort()
    .map((category) =>
      categoryQuality(
        category,
        attackCount.get(category) ?? 0,
        detected.get(category) ?? 0,
        benignFlagged.get(category) ?? 0,
        benign,
      ),
    );
  return {
    attacks: [...attackCount.values()].reduce((a, b) => a + b, 0),
    benign,
    benignFlagged: benignWithAny,
    falsePositiveRate: benign === 0 ? 0 : benignWithAny / benign,
    categories,
    missed,
    falsePositives,
    errors,
  };
}

function categoryQuality(
  category: Category,
  attacks: number,
  hits: number,
  flagged: number,
  benign: number,
): CategoryQuality {
  return {
    category,
    attacks,
    detected: hits,
    recall: attacks === 0 ? null : hits / attacks,
    benignFlagged: flagged,
    falsePositiveRate: benign === 0 ? 0 : flagged / benign,
    precision: hits + flagged === 0 ? null : hits / (hits + flagged),
  };
}

function bump(map: Map<Category, number>, key: Category): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function describeCategories(found: ReadonlySet<Category>): string {
  return found.size === 0 ? 'no findings' : `found only: ${[...found].sort().join(', ')}`;
}
