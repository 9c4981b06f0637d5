import assert from 'node:assert/strict';
import type { Detector, DetectorMatch, ScanContext, ScanField } from '../../src/detect/detector.js';

/**
 * Whether the engine's prefilter lets `detector` run on `field`, by the DetectorTriggers rules:
 * long enough, and a literal (by case), a caseless literal or a whole word in the value, or in the key with
 * `orKey`, or a key that `keys` accepts, or an event that `context` accepts. Tests call detectors directly, past the prefilter; this says whether the engine would.
 */
export function triggersAllow(
  detector: Detector,
  field: ScanField,
  context: ScanContext = { tool: null, method: null },
): boolean {
  const triggers = detector.triggers;
  if (!triggers) return true;
  if (field.value.length < (triggers.minLength ?? 0)) return false;
  if (triggers.keys?.(field.key) === true) return true;
  if (triggers.context?.(context) === true) return true;
  const literals = (triggers.literals ?? []).filter((text) => text !== '');
  const caseless = (triggers.caseless ?? []).filter((text) => text !== '');
  const words = (triggers.words ?? []).filter((text) => text !== '');
  const shapes = (triggers.shapes ?? []).map(shapePattern);
  if (shapes.some((shape) => shape.test(field.value))) return true;
  if (literals.length === 0 && caseless.length === 0 && words.length === 0)
    return triggers.keys === undefined && shapes.length === 0;
  const escapeRegex = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const holds = (text: string) =>
    literals.some((literal) => text.includes(literal)) ||
    caseless.some((literal) => new RegExp(escapeRegex(literal), 'i').test(text)) ||
    words.some((word) => new RegExp(`\\b${escapeRegex(word)}\\b`, 'i').test(text));
  return holds(field.value) || (triggers.orKey === true && holds(field.key));
}

/** A shape (src/detect/value-shapes.ts) as a regex: `d` a digit, `A` an uppercase letter. */
function shapePattern(shape: string): RegExp {
  const source = [...shape]
    .map((ch) => (ch === 'd' ? '[0-9]' : ch === 'A' ? '[A-Z]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(source);
}

/**
 * Runs a detector and fails the test when it matches a field its own triggers would have kept it
 * from seeing: such a trigger silently loses detections in the engine.
 */
export function detectChecked(detector: Detector, field: ScanField, context: ScanContext): DetectorMatch[] {
  const matches = detector.detect(field, context);
  if (matches.length > 0) {
    assert.ok(
      triggersAllow(detector, field, context),
      `${detector.id} matches ${JSON.stringify(field.value.slice(0, 120))}, which its triggers skip`,
    );
  }
  return matches;
}
