import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SentinelError, type Verdict } from '../core/index.js';
import {
  createEngine,
  type DetectionEngine,
  loadBuiltinRules,
  loadRuleFiles,
  type Rule,
} from '../detect/index.js';
import { normalizeEvent } from '../ingest/index.js';

/** Exit codes of `mcp-sentinel scan`; the highest that applies wins (see README). */
export const SCAN_EXIT = {
  /** Every event allowed. */
  clean: 0,
  /** At least one finding, none with a block verdict. */
  findings: 1,
  /** At least one event with a block verdict. */
  blocked: 2,
  /** At least one input line was not a valid event (the others were still scanned). */
  invalidInput: 3,
  /** The rules could not be loaded: unreadable --rules directory or an invalid rule file. */
  usage: 64,
  /** An unexpected error. */
  internal: 70,
} as const;

export interface ScanCommandOptions {
  readonly rulesDir?: string;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errors: NodeJS.WritableStream;
}

/**
 * Scans webhook-format events, one JSON object per line, and writes one JSON line per event
 * (`{"id", "verdict", "findings"}`) or per invalid line (`{"line", "error"}`). Streams line by
 * line; no server, no database.
 */
export async function runScanCommand(options: ScanCommandOptions): Promise<number> {
  let engine: DetectionEngine;
  try {
    engine = createEngine(loadRules(options.rulesDir));
  } catch (error) {
    if (!(error instanceof SentinelError)) throw error;
    const details = error.details.map((d) => `\n  ${d.path ? `${d.path}: ` : ''}${d.message}`).join('');
    options.errors.write(`mcp-sentinel scan: ${error.message}${details}\n`);
    return SCAN_EXIT.usage;
  }
  try {
    return await scanLines(engine, options);
  } catch (error) {
    options.errors.write(`mcp-sentinel scan: internal error: ${(error as Error).message}\n`);
    return SCAN_EXIT.internal;
  }
}

function loadRules(rulesDir: string | undefined): Rule[] {
  const builtin = loadBuiltinRules();
  return rulesDir === undefined ? builtin : [...builtin, ...loadRuleFiles(rulesDir, { existing: builtin })];
}

async function scanLines(engine: DetectionEngine, options: ScanCommandOptions): Promise<number> {
  const lines = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let exit: number = SCAN_EXIT.clean;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = scanLine(engine, line, lineNumber);
    exit = Math.max(exit, result.exit);
    if (!options.output.write(`${JSON.stringify(result.output)}\n`)) await once(options.output, 'drain');
  }
  return exit;
}

function scanLine(
  engine: DetectionEngine,
  line: string,
  lineNumber: number,
): { output: object; exit: number } {
  const invalid = (error: string) => ({ output: { line: lineNumber, error }, exit: SCAN_EXIT.invalidInput });
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return invalid(`invalid JSON: ${(error as Error).message}`);
  }
  const now = new Date().toISOString();
  // Nothing is stored, so an event without a timestamp is still worth scanning.
  const withTime = isObject(raw) && raw['timestamp'] === undefined ? { ...raw, timestamp: now } : raw;
  const normalized = normalizeEvent(withTime, { serverId: 'cli', source: 'upload', receivedAt: now });
  if (!normalized.ok) return invalid(normalized.reason);
  const { event } = normalized;
  const result = engine.scan(event);
  const output = {
    id: event.externalId ?? lineNumber,
    verdict: result.verdict,
    findings: result.findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      category: f.category,
      field: f.field,
      evidence: f.evidence,
    })),
  };
  return { output, exit: exitFor(result.verdict) };
}

function exitFor(verdict: Verdict): number {
  if (verdict === 'block') return SCAN_EXIT.blocked;
  return verdict === 'allow' ? SCAN_EXIT.clean : SCAN_EXIT.findings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
