import type { z } from 'zod';
import type { ErrorDetail } from './errors.js';

/** Turns zod issues into `{path, message}` details a client can act on. */
export function zodDetails(error: z.ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return path === '' ? { message: issue.message } : { path, message: issue.message };
  });
}
