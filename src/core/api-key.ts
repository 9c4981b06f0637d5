import type { Role } from './role.js';

/** A Sentinel API key as listed: never its secret, which exists only in the caller's hands. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The public part of the key (`msk_<prefix>_...`), to recognize it in a list. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Who is calling: a key's identity as the application layer sees it. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}
