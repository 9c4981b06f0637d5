import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinDetectors, createEngine, loadBuiltinRules } from '../../src/detect/index.js';

describe('built-in rule catalogue', () => {
  const rules = loadBuiltinRules();

  it('every built-in rule file loads, and the catalogue is not empty', () => {
    assert.ok(rules.length > 0);
    assert.ok(rules.every((rule) => rule.builtin));
  });

  it('rule ids are unique', () => {
    const ids = rules.map((rule) => rule.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  it("every rule's detector is registered", () => {
    const missing = rules.filter(
      (rule) => rule.detector !== undefined && !builtinDetectors.has(rule.detector),
    );
    assert.deepEqual(
      missing.map((rule) => `${rule.id}: ${rule.detector}`),
      [],
    );
  });

  it('every rule has a description, field roles and ATLAS and OWASP mappings', () => {
    for (const rule of rules) {
      assert.ok(rule.description.length >= 20, `${rule.id} description`);
      assert.ok(rule.fields.length > 0, `${rule.id} fields`);
      assert.ok(rule.mappings.atlas.length > 0, `${rule.id} ATLAS mapping`);
      assert.ok(rule.mappings.owasp.length > 0, `${rule.id} OWASP mapping`);
    }
  });

  it("every rule's fields include at least one role its detector reads", () => {
    for (const rule of rules) {
      const detector = rule.detector === undefined ? undefined : builtinDetectors.get(rule.detector);
      if (!detector) continue;
      assert.ok(
        rule.fields.some((role) => detector.roles.includes(role)),
        `${rule.id} runs on no field its detector reads`,
      );
    }
  });

  it('every registered detector is used by a rule', () => {
    const used = new Set(rules.map((rule) => rule.detector));
    assert.deepEqual(
      [...builtinDetectors.keys()].filter((id) => !used.has(id)),
      [],
    );
  });

  it('secrets rules redact by default with high or critical severity', () => {
    const secrets = rules.filter((rule) => rule.category === 'secrets');
    assert.ok(secrets.length >= 15);
    for (const rule of secrets) {
      assert.equal(rule.action, 'redact', rule.id);
      assert.ok(rule.severity === 'high' || rule.severity === 'critical', rule.id);
    }
  });

  it('an engine builds over the whole catalogue', () => {
    assert.equal(createEngine(rules).rules.length, rules.length);
  });
});
