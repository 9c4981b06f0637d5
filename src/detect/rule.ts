import { z } from 'zod';
import { CATEGORIES, RULE_ACTIONS, type RuleMappings, SEVERITIES } from '../core/index.js';
import type { FieldRole } from './detector.js';

/** Every field role, in the order the field walker emits them. */
export const FIELD_ROLES = [
  'prompt',
  'response',
  'tool_description',
  'argument',
  'metadata',
  'identity',
] as const satisfies readonly FieldRole[];

/** Flags a user regex may carry; `g` is added by the engine, sticky/indices make no sense here. */
export const REGEX_FLAGS = ['i', 'm', 's', 'u'] as const;

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const DETECTOR_ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;
const MAPPING_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const ruleMatchSchema = z.strictObject({
  pattern: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  flags: z
    .string()
    .regex(/^[imsu]*$/, `may only hold the flags ${REGEX_FLAGS.join(', ')}`)
    .refine((flags) => new Set(flags).size === flags.length, 'must not repeat a flag')
    .default(''),
});

export const ruleMappingsSchema = z.strictObject({
  atlas: z.array(z.string().regex(MAPPING_ID, 'must be a technique id such as AML.T0051')).default([]),
  owasp: z.array(z.string().regex(MAPPING_ID, 'must be an id such as LLM01')).default([]),
});

/**
 * A detection rule as data. Exactly one of `detector` (a registered detector id) or `match`
 * (a user regular expression, checked by safe-regex) says how it finds things.
 */
export const ruleSchema = z
  .strictObject({
    id: z.string().regex(RULE_ID, 'must be 1-100 letters, digits, ".", "_", ":" or "-"'),
    title: text(200),
    description: text(2000),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    action: z.enum(RULE_ACTIONS),
    fields: z
      .array(z.enum(FIELD_ROLES))
      .min(1, 'must name at least one field role')
      .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role'),
    detector: z.string().regex(DETECTOR_ID, 'must be a detector id such as secrets.github-token').optional(),
    match: ruleMatchSchema.optional(),
    minMatches: z.number().int().min(1).max(1000).optional(),
    mappings: ruleMappingsSchema.default({ atlas: [], owasp: [] }),
    enabled: z.boolean().default(true),
    builtin: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if ((rule.detector === undefined) === (rule.match === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['detector'],
        message: 'a rule needs exactly one of detector or match',
      });
    }
  });

export type RuleMatch = z.output<typeof ruleMatchSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

/** A validated rule (see ruleSchema). */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: z.output<typeof ruleSchema>['category'];
  readonly severity: z.output<typeof ruleSchema>['severity'];
  readonly action: z.output<typeof ruleSchema>['action'];
  readonly fields: readonly FieldRole[];
  readonly detector?: string;
  readonly match?: RuleMatch;
  readonly minMatches?: number;
  readonly mappings: RuleMappings;
  readonly enabled: boolean;
  readonly builtin: boolean;
}
