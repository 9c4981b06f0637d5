import type { ScanField } from '../../detector.js';

/**
 * A one-entry cache of work several detectors repeat on the field being scanned (its value kind,
 * its decoded text, the URLs in it). The engine walks an event field by field and runs every rule
 * of a field before the next, and a ScanField is a fresh readonly object per event, so the last
 * field seen is the only one worth keeping.
 *
 * Detectors stay pure functions of their inputs: the cached result is what `compute` returns for
 * that field, and the key holds the field object and the strings `compute` reads, so a caller that
 * reuses one object with another value (tests do) gets a fresh result.
 */
export function memoByField<T>(compute: (field: ScanField) => T): (field: ScanField) => T {
  let lastField: ScanField | null = null;
  let lastValue = '';
  let lastKey = '';
  let lastRole = '';
  let last: T | undefined;
  return (field) => {
    if (
      field === lastField &&
      field.value === lastValue &&
      field.key === lastKey &&
      field.role === lastRole
    ) {
      return last as T;
    }
    // Cleared first, so a throwing `compute` cannot leave a stale entry behind.
    lastField = null;
    last = compute(field);
    lastField = field;
    lastValue = field.value;
    lastKey = field.key;
    lastRole = field.role;
    return last;
  };
}
