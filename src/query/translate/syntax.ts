import type { KqlType } from '../kql-types.js';
import type { KList, KNode } from '../kusto-library.js';

/** A named child of a syntax node (`Condition`, `Expressions`, ...), or null. */
export function prop(node: KNode, name: string): KNode | null {
  const value = (node as unknown as Record<string, unknown>)[name];
  return (value ?? null) as KNode | null;
}

export function requireProp(node: KNode, name: string): KNode {
  const value = prop(node, name);
  if (!value) throw new Error(`syntax node without ${name}`);
  return value;
}

/** The elements of a syntax list, unwrapping separated elements. */
export function items(list: KNode | null): KNode[] {
  if (!list) return [];
  const l = list as unknown as KList<KNode>;
  const out: KNode[] = [];
  for (let i = 0; i < l.Count; i++) {
    const item = l.getItem(i);
    const element = prop(item, 'Element');
    out.push(element ?? item);
  }
  return out;
}

/** The argument expressions of a function call. */
export function callArguments(call: KNode): KNode[] {
  const list = prop(call, 'ArgumentList');
  return list ? items(prop(list, 'Expressions')) : [];
}

/** The simple name of a function call or name reference. */
export function simpleName(node: KNode): string {
  const name = prop(node, 'Name') ?? node;
  const value = (name as unknown as { SimpleName?: string }).SimpleName;
  return value ?? name.ToString().trim();
}

/** The name a NameDeclaration declares. */
export function declaredName(node: KNode): string {
  return (node as unknown as { SimpleName?: string }).SimpleName ?? node.ToString().trim();
}

const TYPE_NAMES: Record<string, KqlType> = {
  string: 'string',
  long: 'long',
  int: 'int',
  real: 'real',
  double: 'real',
  decimal: 'real',
  bool: 'bool',
  boolean: 'bool',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  dynamic: 'dynamic',
  guid: 'guid',
  uniqueid: 'guid',
};

/** The KQL type the analyser gave a node, or null for types hunting does not support. */
export function kqlTypeOf(node: KNode): KqlType | null {
  const name = node.ResultType?.Name ?? '';
  return TYPE_NAMES[name] ?? (name.startsWith('dynamic') ? 'dynamic' : null);
}

export function kqlTypeNamed(name: string): KqlType | null {
  return TYPE_NAMES[name] ?? (name.startsWith('dynamic') ? 'dynamic' : null);
}

/** The result columns (name, type) the analyser computed for a tabular node. */
export function resultColumns(node: KNode): { name: string; type: KqlType | null }[] {
  const columns = node.ResultType?.Columns;
  const out: { name: string; type: KqlType | null }[] = [];
  if (!columns) return out;
  for (let i = 0; i < columns.Count; i++) {
    const c = columns.getItem(i);
    out.push({ name: c.Name, type: kqlTypeNamed(c.Type.Name) });
  }
  return out;
}
