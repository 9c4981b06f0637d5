import type { Row, SqlDriver } from '../sql-driver.js';
import type { CustomRuleRecord, CustomRuleRepository, RuleSetting, RuleSettingRepository } from '../store.js';

/** Admins' overrides of rules (enabled, severity, action). */
export class SqlRuleSettingRepository implements RuleSettingRepository {
  constructor(private readonly driver: SqlDriver) {}

  async list(): Promise<RuleSetting[]> {
    const d = this.driver.dialect;
    const rows = await this.driver.all(
      'SELECT rule_id, enabled, severity, action, updated_at, updated_by FROM rule_settings ORDER BY rule_id',
    );
    return rows.map((row) => ({
      ruleId: String(row['rule_id']),
      enabled: row['enabled'] === null ? null : Boolean(row['enabled']),
      severity: row['severity'] === null ? null : String(row['severity']),
      action: row['action'] === null ? null : String(row['action']),
      updatedAt: d.readTime(row['updated_at']),
      updatedBy: String(row['updated_by']),
    }));
  }

  async upsert(setting: RuleSetting): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      `INSERT INTO rule_settings (rule_id, enabled, severity, action, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled, severity = excluded.severity,
         action = excluded.action, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        setting.ruleId,
        setting.enabled === null ? null : d.bool(setting.enabled),
        setting.severity,
        setting.action,
        d.time(setting.updatedAt),
        setting.updatedBy,
      ],
    );
  }

  async delete(ruleId: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM rule_settings WHERE rule_id = ?', [ruleId])) > 0;
  }
}

/** User-written rules, stored as their validated definitions. */
export class SqlCustomRuleRepository implements CustomRuleRepository {
  constructor(private readonly driver: SqlDriver) {}

  async list(): Promise<CustomRuleRecord[]> {
    const rows = await this.driver.all(
      'SELECT id, definition, created_at, updated_at, updated_by FROM custom_rules ORDER BY id',
    );
    return rows.map((row) => this.fromRow(row));
  }

  async findById(id: string): Promise<CustomRuleRecord | null> {
    const rows = await this.driver.all(
      'SELECT id, definition, created_at, updated_at, updated_by FROM custom_rules WHERE id = ?',
      [id],
    );
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async create(record: CustomRuleRecord): Promise<boolean> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `INSERT INTO custom_rules (id, definition, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [
        record.id,
        d.json(record.definition),
        d.time(record.createdAt),
        d.time(record.updatedAt),
        record.updatedBy,
      ],
    );
    return changed > 0;
  }

  async update(record: CustomRuleRecord): Promise<boolean> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      'UPDATE custom_rules SET definition = ?, updated_at = ?, updated_by = ? WHERE id = ?',
      [d.json(record.definition), d.time(record.updatedAt), record.updatedBy, record.id],
    );
    return changed > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM custom_rules WHERE id = ?', [id])) > 0;
  }

  private fromRow(row: Row): CustomRuleRecord {
    const d = this.driver.dialect;
    return {
      id: String(row['id']),
      definition: d.readJson(row['definition']) as Record<string, unknown>,
      createdAt: d.readTime(row['created_at']),
      updatedAt: d.readTime(row['updated_at']),
      updatedBy: String(row['updated_by']),
    };
  }
}
