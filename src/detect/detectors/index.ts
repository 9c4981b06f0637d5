import type { Detector } from '../detector.js';
import { behaviourDetectors } from './behaviour.js';
import { commandInjectionDetectors } from './command-injection.js';
import { exfiltrationDetectors } from './exfiltration.js';
import { pathTraversalDetectors } from './path-traversal.js';
import { personalDataDetectors } from './personal-data.js';
import { promptInjectionDetectors } from './prompt-injection.js';
import { secretsDetectors } from './secrets.js';
import { sqlInjectionDetectors } from './sql-injection.js';
import { ssrfDetectors } from './ssrf.js';
import { toolPoisoningDetectors } from './tool-poisoning.js';

/** Every detector family; rule data files name detectors by id from here. */
const FAMILIES: readonly (readonly Detector[])[] = [
  promptInjectionDetectors,
  toolPoisoningDetectors,
  secretsDetectors,
  personalDataDetectors,
  pathTraversalDetectors,
  sqlInjectionDetectors,
  commandInjectionDetectors,
  ssrfDetectors,
  exfiltrationDetectors,
  behaviourDetectors,
];

function byId(families: readonly (readonly Detector[])[]): ReadonlyMap<string, Detector> {
  const map = new Map<string, Detector>();
  for (const detector of families.flat()) {
    // Two detectors with one id would make rule files ambiguous: a programming error, caught at import.
    if (map.has(detector.id)) throw new Error(`duplicate detector id ${detector.id}`);
    map.set(detector.id, detector);
  }
  return map;
}

/** The built-in detectors by id. */
export const builtinDetectors: ReadonlyMap<string, Detector> = byId(FAMILIES);
