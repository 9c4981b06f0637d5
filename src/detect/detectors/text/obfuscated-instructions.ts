import type { DetectorMatch } from '../../detector.js';
import { normalizeConfusables } from './confusables.js';
import { dropOverlaps, findPhrases, type PhraseSet } from './find-phrases.js';

/**
 * Runs phrase checks on the normalized text (see confusables.ts) and keeps matches that touch a
 * disguised character: plain matches are the plain detectors' business.
 */
export function findDisguisedPhrases(
  text: string,
  sets: readonly PhraseSet[],
  extra: (normalized: string) => DetectorMatch[] = () => [],
): DetectorMatch[] {
  const normalized = normalizeConfusables(text);
  if (normalized === null) return [];
  const found = [...sets.flatMap((set) => findPhrases(normalized.text, set)), ...extra(normalized.text)];
  const disguised = found.filter((m) => {
    for (let i = m.start; i < m.end; i++) if (normalized.changed[i] === 1) return true;
    return false;
  });
  const how = normalized.kinds.join(', ');
  return dropOverlaps(disguised.map((m) => ({ ...m, detail: `${m.detail} written with ${how}` })));
}
