import { ForbiddenError, type Principal, type Role, roleAllows } from '../core/index.js';

/** Throws 403 unless the caller's role is at least `required`. */
export function requireRole(principal: Principal, required: Role): void {
  if (!roleAllows(principal.role, required)) {
    throw new ForbiddenError(
      `this needs the ${required} role; the key "${principal.name}" is ${principal.role}`,
    );
  }
}

/** The principal of work Sentinel does on its own behalf (bootstrap, local CLI on the data dir). */
export const SYSTEM_PRINCIPAL: Principal = { keyId: 'system', name: 'system', role: 'admin' };
