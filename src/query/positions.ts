import type { KqlDiagnostic } from './kql-types.js';

/** 1-based line and column of a character offset (\n and \r\n both end a line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A diagnostic at a span of the query text. */
export function diagnosticAt(
  text: string,
  code: string,
  message: string,
  offset: number,
  length: number,
  severity: 'error' | 'warning' = 'error',
): KqlDiagnostic {
  return { code, severity, message, ...lineAndColumn(text, offset), offset, length };
}
