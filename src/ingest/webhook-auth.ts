import { AuthError, digestsEqual, ForbiddenError, hashSecret, type SecretBox } from '../core/index.js';
import type { ServerRecord } from '../store/index.js';
import { verifySignature } from './hmac-signature.js';
import { IpAllowlist } from './ip-allowlist.js';

/** What a webhook request presents; the route extracts it from headers and the socket. */
export interface WebhookCredentials {
  readonly apiKey: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly clientIp: string;
}

export interface WebhookAuthOptions {
  readonly secretBox: SecretBox;
  readonly toleranceSeconds: number;
  readonly nowSeconds: number;
}

/**
 * Every method the server has configured must pass (they combine, they do not substitute).
 * Throws AuthError (401) for credentials and ForbiddenError (403) for a disallowed address.
 */
export function authenticateWebhook(
  server: ServerRecord,
  credentials: WebhookCredentials,
  body: Buffer,
  options: WebhookAuthOptions,
): void {
  const configured =
    server.apiKeyHash !== null || server.hmacSecretEncrypted !== null || server.ipAllowlist.length > 0;
  if (!configured && !server.allowUnauthenticated) {
    throw new AuthError('this server has no webhook authentication configured');
  }
  if (server.ipAllowlist.length > 0 && !new IpAllowlist(server.ipAllowlist).allows(credentials.clientIp)) {
    throw new ForbiddenError('client address is not in this server’s IP allowlist');
  }
  if (server.apiKeyHash !== null) {
    if (!credentials.apiKey)
      throw new AuthError('missing webhook API key (Authorization: Bearer or X-API-Key)');
    if (!digestsEqual(hashSecret(credentials.apiKey), server.apiKeyHash)) {
      throw new AuthError('invalid webhook API key');
    }
  }
  if (server.hmacSecretEncrypted !== null) {
    const check = verifySignature({
      secret: options.secretBox.open(server.hmacSecretEncrypted),
      timestamp: credentials.timestamp,
      signature: credentials.signature,
      body,
      nowSeconds: options.nowSeconds,
      toleranceSeconds: options.toleranceSeconds,
    });
    if (!check.ok) throw new AuthError(check.reason);
  }
}
