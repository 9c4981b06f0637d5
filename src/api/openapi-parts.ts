import { z } from 'zod';

/** The building blocks every part of the OpenAPI document (openapi*.ts) is written with. */

export type Json = Record<string, unknown>;

/** Request schemas come from the same zod schemas the application validates with, so they cannot drift. */
export function schema(type: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

export const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export const errors = {
  '400': errorResponse,
  '401': errorResponse,
  '403': errorResponse,
  '404': errorResponse,
};

export const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

/** A required JSON body described inline by its validation schema. */
export const bodyOf = (type: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(type) } },
});

export const idParam = [
  { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
];
