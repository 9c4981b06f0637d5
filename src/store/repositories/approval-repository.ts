import type {
  ApprovalDecision,
  ApprovalRecord,
  ApprovalRepository,
  ApprovalStatus,
} from '../gateway-records.js';
import type { Row, SqlDriver } from '../sql-driver.js';

const COLUMNS =
  'id, server_id, session_id, method, tool, arguments, rule_ids, summary, status, decided_by, decided_at, comment, created_at, expires_at';

/** The pending-approval queue; a decision is a compare-and-set on `status = 'pending'`, so two admins (or nodes) cannot both decide. */
export class SqlApprovalRepository implements ApprovalRepository {
  constructor(private readonly driver: SqlDriver) {}

  async create(record: ApprovalRecord): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      `INSERT INTO pending_approvals (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.serverId,
        record.sessionId,
        record.method,
        record.tool,
        record.arguments === undefined ? null : d.json(record.arguments),
        d.json(record.ruleIds),
        record.summary,
        record.status,
        record.decidedBy,
        record.decidedAt === null ? null : d.time(record.decidedAt),
        record.comment,
        d.time(record.createdAt),
        d.time(record.expiresAt),
      ],
    );
  }

  async findById(id: string): Promise<ApprovalRecord | null> {
    const rows = await this.driver.all(`SELECT ${COLUMNS} FROM pending_approvals WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async list(filter: {
    readonly status?: ApprovalStatus;
    readonly limit: number;
  }): Promise<ApprovalRecord[]> {
    const where = filter.status === undefined ? '' : 'WHERE status = ?';
    const params = filter.status === undefined ? [filter.limit] : [filter.status, filter.limit];
    const rows = await this.driver.all(
      `SELECT ${COLUMNS} FROM pending_approvals ${where} ORDER BY created_at DESC, id DESC LIMIT ?`,
      params,
    );
    return rows.map((row) => this.fromRow(row));
  }

  async decide(id: string, decision: ApprovalDecision): Promise<boolean> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `UPDATE pending_approvals SET status = ?, decided_by = ?, decided_at = ?, comment = ?
       WHERE id = ? AND status = 'pending'`,
      [decision.status, decision.decidedBy, d.time(decision.decidedAt), decision.comment, id],
    );
    return changed > 0;
  }

  private fromRow(row: Row): ApprovalRecord {
    const d = this.driver.dialect;
    return {
      id: String(row['id']),
      serverId: String(row['server_id']),
      sessionId: row['session_id'] === null ? null : String(row['session_id']),
      method: String(row['method']),
      tool: row['tool'] === null ? null : String(row['tool']),
      arguments: row['arguments'] === null ? null : d.readJson(row['arguments']),
      ruleIds: d.readJson(row['rule_ids']) as string[],
      summary: String(row['summary']),
      status: String(row['status']) as ApprovalStatus,
      decidedBy: row['decided_by'] === null ? null : String(row['decided_by']),
      decidedAt: row['decided_at'] === null ? null : d.readTime(row['decided_at']),
      comment: row['comment'] === null ? null : String(row['comment']),
      createdAt: d.readTime(row['created_at']),
      expiresAt: d.readTime(row['expires_at']),
    };
  }
}
