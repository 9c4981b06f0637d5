import { z } from 'zod';
import {
  ConflictError,
  isId,
  type McpEvent,
  NotFoundError,
  newId,
  type Principal,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import { maskSecretsInEvent } from '../ingest/index.js';
import type { ApprovalRecord, ApprovalStatus, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';
import type { RuleCatalogue } from './rule-catalogue.js';

/** What a held call asks for; the same shape as the proxy's Approver input. */
export interface ApprovalRequest {
  readonly serverId: string;
  readonly sessionId: string | null;
  readonly tool: string | null;
  readonly method: string;
  readonly arguments: unknown;
  readonly ruleIds: string[];
  readonly summary: string;
  readonly timeoutMs: number;
}

export type ApprovalOutcome = 'approved' | 'denied' | 'timeout';

export const approvalDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'deny']),
  comment: z.string().max(2000).optional(),
});

export const approvalQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'denied', 'expired']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** How often a waiting call re-reads its approval: a decision taken on another node shows up within this. */
const POLL_MS = 250;

/**
 * The pending-approval queue behind the `approve` rule action when the client cannot be asked
 * through elicitation. The queue lives in the store, so an admin's decision on any node releases
 * the call held on any other; a call nobody decides in time is denied.
 */
export class ApprovalService {
  /** Waiters on this node, woken at once when the decision is taken here too. */
  private readonly waiters = new Map<string, () => void>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly rules: RuleCatalogue,
    readonly defaultTimeoutMs: number,
    private readonly now: () => Date,
  ) {}

  /** Queues the call and resolves when an admin decides it or the timeout denies it. */
  async request(input: ApprovalRequest): Promise<ApprovalOutcome> {
    return this.wait(await this.open(input));
  }

  /**
   * Records a held call as pending without waiting yet: the gateway first asks the user through
   * elicitation, naming this row in the request id, then waits with `wait`.
   */
  async open(input: ApprovalRequest): Promise<ApprovalRecord> {
    const created = this.now();
    const timeoutMs = input.timeoutMs > 0 ? input.timeoutMs : this.defaultTimeoutMs;
    const record: ApprovalRecord = {
      id: newId(),
      serverId: input.serverId,
      sessionId: input.sessionId,
      method: input.method,
      tool: input.tool,
      arguments: await this.masked(input),
      ruleIds: input.ruleIds,
      summary: input.summary.slice(0, 2000),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      comment: null,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + timeoutMs).toISOString(),
    };
    await this.store.approvals.create(record);
    return record;
  }

  /** Resolves when the held call is decided (on any node) or its timeout denies it. */
  wait(record: ApprovalRecord): Promise<ApprovalOutcome> {
    return this.await(record);
  }

  /**
   * The user's answer to an elicitation, arriving with the session's own key on any node. Only a
   * pending approval of that same session is decided; anything else (late, foreign, already
   * decided) is ignored and false returned. Audited with the session's key as the actor.
   */
  async answerElicitation(
    principal: Principal,
    sessionId: string,
    approvalId: string,
    decision: 'approved' | 'denied',
  ): Promise<boolean> {
    const current = isId(approvalId) ? await this.store.approvals.findById(approvalId) : null;
    if (current === null || current.sessionId !== sessionId || current.status !== 'pending') return false;
    const at = this.now().toISOString();
    if (Date.parse(current.expiresAt) <= Date.parse(at)) return false;
    const decided = await this.store.approvals.decide(approvalId, {
      status: decision,
      decidedBy: `${principal.name} (${principal.keyId})`,
      decidedAt: at,
      comment: 'answered by the user through MCP elicitation',
    });
    if (!decided) return false;
    await this.audit.record(
      principal,
      'approval.decide',
      { type: 'approval', id: approvalId },
      {
        decision,
        via: 'elicitation',
        server: current.serverId,
        tool: current.tool,
        method: current.method,
      },
    );
    this.waiters.get(approvalId)?.();
    return true;
  }

  async list(principal: Principal, query: unknown): Promise<ApprovalRecord[]> {
    requireRole(principal, 'viewer');
    const parsed = approvalQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new ValidationError('invalid approval query', zodDetails(parsed.error));
    await this.expireOverdue(parsed.data.status);
    return this.store.approvals.list({
      limit: parsed.data.limit,
      ...(parsed.data.status ? { status: parsed.data.status } : {}),
    });
  }

  async get(principal: Principal, id: string): Promise<ApprovalRecord> {
    requireRole(principal, 'viewer');
    return this.find(id);
  }

  async decide(principal: Principal, id: string, input: unknown): Promise<ApprovalRecord> {
    requireRole(principal, 'admin');
    const parsed = approvalDecisionSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid decision', zodDetails(parsed.error));
    const current = await this.find(id);
    const at = this.now().toISOString();
    if (current.status === 'pending' && Date.parse(current.expiresAt) <= Date.parse(at)) {
      await this.store.approvals.decide(id, {
        status: 'expired',
        decidedBy: null,
        decidedAt: at,
        comment: null,
      });
      throw new ConflictError('this approval has expired: the call was denied when its timeout passed');
    }
    const status = parsed.data.decision === 'approve' ? 'approved' : 'denied';
    const decided = await this.store.approvals.decide(id, {
      status,
      decidedBy: `${principal.name} (${principal.keyId})`,
      decidedAt: at,
      comment: parsed.data.comment ?? null,
    });
    if (!decided) {
      const latest = await this.find(id);
      throw new ConflictError(`this approval is already ${latest.status}`);
    }
    await this.audit.record(
      principal,
      'approval.decide',
      { type: 'approval', id },
      { decision: status, server: current.serverId, tool: current.tool, method: current.method },
    );
    this.waiters.get(id)?.();
    return this.find(id);
  }

  private async await(record: ApprovalRecord): Promise<ApprovalOutcome> {
    const deadline = Date.parse(record.expiresAt);
    try {
      for (;;) {
        const remaining = deadline - this.now().getTime();
        if (remaining <= 0) break;
        await this.sleep(record.id, Math.min(POLL_MS, remaining));
        const outcome = toOutcome((await this.store.approvals.findById(record.id))?.status);
        if (outcome !== null) return outcome;
      }
      const expired = await this.store.approvals.decide(record.id, {
        status: 'expired',
        decidedBy: null,
        decidedAt: this.now().toISOString(),
        comment: null,
      });
      // Lost the race to an admin deciding at the deadline: their decision stands.
      if (!expired) return toOutcome((await this.store.approvals.findById(record.id))?.status) ?? 'timeout';
      return 'timeout';
    } finally {
      this.waiters.delete(record.id);
    }
  }

  private sleep(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.set(id, done);
    });
  }

  /** Pending approvals past their deadline whose waiter is gone (a node stopped) are shown as expired. */
  private async expireOverdue(status: ApprovalStatus | undefined): Promise<void> {
    if (status !== undefined && status !== 'pending' && status !== 'expired') return;
    const at = this.now();
    const pending = await this.store.approvals.list({ status: 'pending', limit: 500 });
    for (const item of pending) {
      if (Date.parse(item.expiresAt) <= at.getTime())
        await this.store.approvals.decide(item.id, {
          status: 'expired',
          decidedBy: null,
          decidedAt: at.toISOString(),
          comment: null,
        });
    }
  }

  private async find(id: string): Promise<ApprovalRecord> {
    const record = isId(id) ? await this.store.approvals.findById(id) : null;
    if (record === null) throw new NotFoundError('approval');
    return record;
  }

  /** Secrets in the held arguments are masked before they reach the queue every admin reads. */
  private async masked(input: ApprovalRequest): Promise<unknown> {
    const args = input.arguments;
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return args ?? null;
    const at = this.now().toISOString();
    const event: McpEvent = {
      id: newId(),
      serverId: input.serverId,
      timestamp: at,
      receivedAt: at,
      source: 'proxy',
      externalId: null,
      sessionId: input.sessionId,
      user: null,
      agent: null,
      client: null,
      tool: input.tool,
      method: input.method,
      prompt: null,
      response: null,
      arguments: args as Record<string, unknown>,
      metadata: {},
      toolDescription: null,
      isError: null,
      durationMs: null,
    };
    const { findings } = (await this.rules.engine()).scan(event);
    return maskSecretsInEvent(event, findings).arguments;
  }
}

function toOutcome(status: ApprovalStatus | undefined): ApprovalOutcome | null {
  if (status === 'approved') return 'approved';
  if (status === 'denied') return 'denied';
  if (status === 'expired') return 'timeout';
  return null;
}
