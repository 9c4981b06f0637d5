import type { Detector } from '../detector.js';

/**
 * The stateful checks (first-seen tool, tool description drift, rate spikes) need shared state, so
 * the pipeline's behaviour step runs them, not this pure engine. They are registered here so their
 * rules are ordinary catalogue entries (switchable, re-severable, mapped) and load like any other.
 */
function stateful(id: string, roles: Detector['roles']): Detector {
  return { id, roles, stateful: true, detect: () => [] };
}

export const behaviourDetectors: readonly Detector[] = [
  stateful('behaviour.first-seen-tool', ['identity']),
  stateful('behaviour.tool-description-changed', ['tool_description']),
  stateful('behaviour.rate-spike', ['identity']),
];
