import type { z } from 'zod';
import { ValidationError, zodDetails } from '../core/index.js';

/** Parses caller input with a zod schema; a failure is a ValidationError naming `what` and each problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw new ValidationError(`invalid ${what}`, zodDetails(parsed.error));
  return parsed.data;
}

const DAY_MS = 86_400_000;

/** The UTC day (YYYY-MM-DD) an epoch-ms instant falls in. */
export function dayOf(ms: number): string {
  return new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10);
}

/** Epoch ms of the start of the UTC day `ms` falls in. */
export function startOfDay(ms: number): number {
  return ms - (ms % DAY_MS);
}

export { DAY_MS };
