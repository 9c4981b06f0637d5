import { z } from 'zod';

export const SERVER_TYPES = ['filesystem', 'database', 'web_api', 'other'] as const;
export type ServerType = (typeof SERVER_TYPES)[number];

/** How a server's webhook authenticates, as shown to users (no secret material). */
export interface ServerAuthView {
  readonly apiKey: boolean;
  readonly apiKeyPrefix: string | null;
  readonly hmac: boolean;
  readonly ipAllowlist: readonly string[];
  readonly allowUnauthenticated: boolean;
}

/** A registered MCP server. */
export interface Server {
  readonly id: string;
  readonly name: string;
  readonly type: ServerType;
  readonly endpointUrl: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
  readonly auth: ServerAuthView;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const cidr = z.string().min(1).max(64);
const tag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.:/-]+$/, 'tags may hold letters, digits and . _ : / -');

const endpointUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['http:', 'https:', 'stdio:', 'ws:', 'wss:'].includes(url.protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s), ws(s) or stdio URL');

/** Which webhook authentication a server uses; each part is optional and they combine. */
export const serverAuthInputSchema = z.strictObject({
  apiKey: z.boolean().default(true),
  hmac: z.boolean().default(false),
  ipAllowlist: z.array(cidr).max(256).default([]),
  allowUnauthenticated: z.boolean().default(false),
});

export const serverCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  type: z.enum(SERVER_TYPES).default('other'),
  endpointUrl: endpointUrl.nullish(),
  description: z.string().max(4000).nullish(),
  tags: z.array(tag).max(50).default([]),
  auth: serverAuthInputSchema.prefault({}),
});

export const serverUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(SERVER_TYPES).optional(),
  endpointUrl: endpointUrl.nullable().optional(),
  description: z.string().max(4000).nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  auth: z
    .strictObject({
      ipAllowlist: z.array(cidr).max(256).optional(),
      allowUnauthenticated: z.boolean().optional(),
      apiKey: z.boolean().optional(),
      hmac: z.boolean().optional(),
    })
    .optional(),
});

export type ServerCreateInput = z.input<typeof serverCreateSchema>;
export type ServerCreate = z.output<typeof serverCreateSchema>;
export type ServerUpdate = z.output<typeof serverUpdateSchema>;
