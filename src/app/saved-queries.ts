import { z } from 'zod';
import {
  ConflictError,
  isId,
  NotFoundError,
  newId,
  type Principal,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { SavedQueryRecord, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { type HuntEngine, requireValidKql } from './kql-check.js';
import { requireRole } from './permissions.js';

export const savedQuerySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  query: z.string().trim().min(1).max(20_000),
});

export type SavedQuery = SavedQueryRecord;

/**
 * Saved KQL queries: anyone may read and run them; responders and admins (who hunt and triage)
 * write them. A query is validated when saved, so a saved query is always one that parses.
 */
export class SavedQueryService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly hunt: HuntEngine,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal): Promise<SavedQuery[]> {
    requireRole(principal, 'viewer');
    return this.store.savedQueries.list();
  }

  async get(principal: Principal, id: string): Promise<SavedQuery> {
    requireRole(principal, 'viewer');
    return this.find(id);
  }

  async create(principal: Principal, input: unknown): Promise<SavedQuery> {
    requireRole(principal, 'responder');
    const fields = await this.parse(input);
    const at = this.now().toISOString();
    const record: SavedQueryRecord = {
      id: newId(),
      ...fields,
      createdAt: at,
      createdBy: principal.name,
      updatedAt: at,
      updatedBy: principal.name,
    };
    if ((await this.store.savedQueries.create(record)) !== 'ok') throw nameTaken(fields.name);
    await this.audit.record(
      principal,
      'saved_query.create',
      { type: 'saved_query', id: record.id },
      {
        name: record.name,
      },
    );
    return record;
  }

  /** PUT semantics: the body replaces name, description and query. */
  async update(principal: Principal, id: string, input: unknown): Promise<SavedQuery> {
    requireRole(principal, 'responder');
    const current = await this.find(id);
    const fields = await this.parse(input);
    const record: SavedQueryRecord = {
      ...current,
      ...fields,
      updatedAt: this.now().toISOString(),
      updatedBy: principal.name,
    };
    const outcome = await this.store.savedQueries.update(record);
    if (outcome === 'missing') throw new NotFoundError('saved query');
    if (outcome === 'conflict') throw nameTaken(fields.name);
    await this.audit.record(
      principal,
      'saved_query.update',
      { type: 'saved_query', id },
      {
        name: record.name,
        previousName: current.name,
      },
    );
    return record;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireRole(principal, 'responder');
    const current = await this.find(id);
    if (!(await this.store.savedQueries.delete(id))) throw new NotFoundError('saved query');
    await this.audit.record(
      principal,
      'saved_query.delete',
      { type: 'saved_query', id },
      {
        name: current.name,
      },
    );
  }

  private async parse(input: unknown): Promise<z.infer<typeof savedQuerySchema>> {
    const parsed = savedQuerySchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid saved query', zodDetails(parsed.error));
    await requireValidKql(this.hunt, parsed.data.query);
    return parsed.data;
  }

  private async find(id: string): Promise<SavedQueryRecord> {
    const record = isId(id) ? await this.store.savedQueries.findById(id) : null;
    if (record === null) throw new NotFoundError('saved query');
    return record;
  }
}

function nameTaken(name: string): ConflictError {
  return new ConflictError(`a saved query named "${name}" already exists`);
}
