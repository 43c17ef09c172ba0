/**
 * `audit --rules`: the rule registry as JSON, for users and tests (issue 9 §1). One object per rule id, in
 * RULES.md order, then the RULES.md ids that are not checked, each with its reason.
 */
import { NOT_IMPLEMENTED, RULE_REGISTRY } from "../engine";

export interface RulesDocument {
  rules: { id: string; severity: string; title: string; kind: string; tables: string[]; section: string; reason?: string }[];
  notImplemented: { id: string; reason: string }[];
}

export function rulesDocument(): RulesDocument {
  return {
    rules: RULE_REGISTRY.map((m) => ({ id: m.id, severity: m.severity, title: m.title, kind: m.kind, tables: m.tables.slice(), section: m.section, ...(m.reason ? { reason: m.reason } : {}) })),
    notImplemented: NOT_IMPLEMENTED.map((n) => ({ id: n.id, reason: n.reason })),
  };
}
