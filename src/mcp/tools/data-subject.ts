import { z } from 'zod';
import { ValidationError } from '../../core/index.js';
import { needs, plain, requirePort } from '../app-ports.js';
import { cursorInput, eventPageOutput, idInput, isoTimeInput, limitInput, purgeConfirm } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const subject = z.string().trim().min(3).max(256).describe('An email, name or identifier of the person.');

export const findDataSubjectEvents = defineTool({
  name: 'find_data_subject_events',
  title: 'Events that mention a person',
  description:
    'Finds every captured event that mentions a person (email, name or identifier) in any text field, paged: the basis of a data subject access request. ' +
    'Use it for GDPR/CCPA requests; the REST API exports the full set as JSONL. Next: purge_events with `subject` if erasure is requested.',
  toolset: 'data',
  tier: 'read',
  available: needs('dataSubject'),
  input: { subject, limit: limitInput(100, 20), cursor: cursorInput },
  output: { result: eventPageOutput },
  handler: async ({ app }, { subject: who, limit, cursor }) => ({
    data: {
      result: plain(await requirePort(app, 'dataSubject').find(who, cursor ? { limit, cursor } : { limit })),
    },
    guidance:
      'Events mentioning the subject. Next: purge_events(subject, confirm) only if the user requests erasure.',
  }),
});

export const purgeEvents = defineTool({
  name: 'purge_events',
  title: 'Purge stored events',
  description:
    'Deletes stored events (and their findings; alerts left without findings go too) by time range, server and/or data subject. ' +
    'Use it for erasure requests or retention clean-up, only after the user explicitly agrees: it is irreversible and needs confirm: "PURGE". ' +
    'Audited with counts. Next: find_data_subject_events to confirm nothing is left.',
  toolset: 'data',
  tier: 'destructive',
  available: needs('dataSubject'),
  input: {
    from: isoTimeInput('Start').optional(),
    to: isoTimeInput('End').optional(),
    server: idInput('server').optional(),
    subject: subject.optional(),
    confirm: purgeConfirm,
  },
  output: {
    result: z.looseObject({
      events: z.number(),
      findings: z.number(),
      alertsDeleted: z.number(),
      alertsUpdated: z.number(),
    }),
  },
  handler: async ({ app, principal }, { from, to, server, subject: who, confirm }) => {
    if ([from, to, server, who].every((value) => value === undefined)) {
      throw new ValidationError('name what to purge', [
        {
          message: 'give at least one of from, to, server or subject; purging everything is not offered here',
        },
      ]);
    }
    const scope = Object.fromEntries(
      Object.entries({
        from: from === undefined ? undefined : new Date(from).toISOString(),
        to: to === undefined ? undefined : new Date(to).toISOString(),
        serverId: server,
        subject: who,
      }).filter(([, v]) => v !== undefined),
    );
    const result = plain(await requirePort(app, 'dataSubject').purge(principal, scope, confirm));
    return { data: { result }, guidance: 'Purge done.' };
  },
});

export const dataSubjectTools: readonly Tool[] = [findDataSubjectEvents, purgeEvents];
