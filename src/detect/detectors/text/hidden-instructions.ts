import type { DetectorMatch } from '../../detector.js';
import { clip, MAX_MATCHES } from './find-phrases.js';
import { findHiddenRegions } from './hidden-markup.js';
import { describeInstruction } from './instruction-check.js';

/** An instruction takes a few words; link labels and badge alt texts rarely do. */
const SENTENCE = /\S\s+\S+\s+\S/;

/** Hidden regions (comments, invisible elements, Markdown titles) whose text instructs the agent. */
export function findHiddenInstructions(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  for (const region of findHiddenRegions(text)) {
    if (!SENTENCE.test(region.content)) continue;
    const reason = describeInstruction(region.content);
    if (reason === null) continue;
    matches.push({
      start: region.start,
      end: region.end,
      detail: `${region.kind} (${reason}): "${clip(region.content)}"`,
    });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches.sort((a, b) => a.start - b.start);
}
