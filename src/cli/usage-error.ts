/** A mistake in how the command was called: printed with a hint, exit code 64 (EX_USAGE). */
export class UsageError extends Error {}
