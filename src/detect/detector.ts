/**
 * The contract between the detection engine and its detectors. Detectors are pure, synchronous
 * functions: no I/O, no clocks, no global state, so they can run inline in the proxy.
 */

/** What kind of content a string value is, judged by where it sits in the event. */
export type FieldRole =
  /** The user's or agent's prompt text. */
  | 'prompt'
  /** Content a tool returned to the agent (top-level `response`, or metadata.result/output...). */
  | 'response'
  /** A tool description from `tools/list` (or `tool_description`). */
  | 'tool_description'
  /** A value inside tool-call arguments, wherever they sit (`arguments.x`, `metadata.arguments.x`, `params.arguments.x`). */
  | 'argument'
  /** Any other value under `metadata`. */
  | 'metadata'
  /** Names: user, agent, tool, method, client, session. */
  | 'identity';

/** One string value of an event, with where it sits. */
export interface ScanField {
  /** Dotted path from the event root, array indexes as numbers: `metadata.arguments.path`, `arguments.files.0`. */
  readonly path: string;
  /** The last non-index key of the path, lowercased (`path`, `command`, `url`, `sql`); '' for top-level text. */
  readonly key: string;
  readonly role: FieldRole;
  readonly value: string;
}

/** What a detector found inside one field: a span of `field.value`. */
export interface DetectorMatch {
  readonly start: number;
  readonly end: number;
  /** A short human explanation of this match ("union-based exfiltration", "AWS access key id"). */
  readonly detail?: string;
  /** True when the span is a secret: its evidence must be masked and fingerprinted, never stored in clear. */
  readonly secret?: boolean;
}

/** Context a detector may read besides the field: the event's tool and method, for judging. */
export interface ScanContext {
  readonly tool: string | null;
  readonly method: string | null;
  /**
   * The event's query argument (`sql`, `query`, ...; absent when it has none): it names the
   * columns its result holds, which the result itself prints without names.
   */
  readonly query?: string | null;
}

/**
 * A cheap necessary condition for a detector to match a value. The engine checks the triggers of
 * all detectors together, in one pass over each field (src/detect/prefilter.ts), and does not call
 * a detector whose trigger is absent. Every match `detect` can return must satisfy it: a trigger
 * narrower than the detector silently loses detections, so derive it from the detector's own
 * patterns (a literal every match holds, or one its own prefilter already requires), and mind
 * text the detector decodes first (percent-encoding, entities, homoglyphs): a literal must occur
 * in the raw value.
 */
export interface DetectorTriggers {
  /** Values shorter than this cannot match. */
  readonly minLength?: number;
  /**
   * Strings compared case-sensitively; with `caseless`, the value must hold at least one of all
   * of them. Absent or empty lists set no condition.
   */
  readonly literals?: readonly string[];
  /** Strings compared as a case-insensitive RegExp (no `u` flag) does: `ignore` also finds `IGNORE`. */
  readonly caseless?: readonly string[];
  /**
   * Caseless strings that count only as whole words: a `\b` on each side, as a RegExp without the
   * `u` flag sees it (word characters are A-Z, a-z, 0-9 and `_`). For detectors that look only
   * around whole-word anchors: `user` in `username` opens nothing.
   */
  readonly words?: readonly string[];
  /**
   * Character shapes (src/detect/value-shapes.ts: `d` a digit, `A` an uppercase letter, others as
   * written, e.g. `d-d`, `Ad`), joining the literals: the value must hold one of all of them.
   */
  readonly shapes?: readonly string[];
  /** The detector also runs when the field's key (lowercase) holds one of the strings. */
  readonly orKey?: boolean;
  /**
   * The detector also runs when this holds for the field's key (lowercase): for detectors that
   * read any value under certain keys (`url`, `host`), where key literals would also have to open
   * the gate on values. Keep it pure: the engine remembers its answer per key.
   */
  readonly keys?: (key: string) => boolean;
  /**
   * The detector also runs on every field of its roles when this holds for the event: a request
   * that names what its result holds (`select name, pesel from clients`). Pure; asked once per event.
   */
  readonly context?: (context: ScanContext) => boolean;
}

export interface Detector {
  /** Stable id that rule data files refer to (`prompt-injection.instruction-override`). */
  readonly id: string;
  /** Field roles this detector is meant for; the engine skips others. */
  readonly roles: readonly FieldRole[];
  /** Optional prefilter; without it the detector runs on every field of its roles. */
  readonly triggers?: DetectorTriggers;
  /** Judged by the pipeline's behaviour step from shared state; this engine never calls it. */
  readonly stateful?: true;
  detect(field: ScanField, context: ScanContext): DetectorMatch[];
}
