import { createRequire } from 'node:module';
import { SOURCE_TABLES } from './hunting-schema.js';

/**
 * The slice of Kusto.Language (the official parser, compiled to JavaScript by Bridge.NET) that
 * hunting uses. The package only publishes global-namespace typings, so these interfaces name the
 * members we read; everything else stays `unknown`.
 */
export interface KNode {
  readonly Kind: number;
  readonly ChildCount: number;
  GetChild(index: number): KNode | null;
  readonly TextStart: number;
  readonly Width: number;
  readonly IsToken: boolean;
  readonly Text: string;
  readonly ResultType: KType | null;
  readonly ReferencedSymbol: KSymbol | null;
  readonly IsLiteral: boolean;
  readonly LiteralValue: unknown;
  ToString(): string;
}

export interface KList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

export interface KColumn {
  readonly Name: string;
  readonly Type: KType;
}

export interface KType {
  readonly Name: string;
  readonly Columns?: KList<KColumn>;
}

export interface KSymbol {
  readonly Name: string;
}

interface KDiagnostic {
  readonly Code: string;
  readonly Severity: string;
  readonly Message: string;
  readonly Start: number;
  readonly Length: number;
}

export interface KCode {
  readonly Syntax: KNode;
  GetDiagnostics(): KList<KDiagnostic>;
}

interface KustoGlobals {
  Kusto: {
    Language: {
      KustoCode: {
        ParseAndAnalyze(text: string, globals: unknown): KCode;
        Parse(text: string, globals: unknown): KCode;
      };
      GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
      Symbols: {
        TableSymbol: { From(schema: string): { WithName(name: string): unknown } };
        DatabaseSymbol: { ctor: new (name: string, members: unknown[]) => unknown };
      };
      Syntax: { SyntaxKind: Record<string, unknown> };
    };
  };
  Bridge: { getTypeName(value: unknown): string };
}

export interface KustoLibrary {
  analyse(query: string): KCode;
  /** Syntax only, no semantic analysis (linear in the text). */
  parse(query: string): KCode;
  /** SyntaxKind name of a node (e.g. `FilterOperator`, `HasExpression`). */
  kindName(node: KNode): string;
  /** Short class name of a symbol (e.g. `ColumnSymbol`, `TableSymbol`, `VariableSymbol`). */
  symbolClass(symbol: KSymbol): string;
  /** Short class name of a runtime value (e.g. `TimeSpan`, `Int64`). */
  valueClass(value: unknown): string;
}

export type { KDiagnostic };

let library: KustoLibrary | undefined;

/** Loads the parser once (about half a second) and builds the hunting database symbol once. */
export function kustoLibrary(): KustoLibrary {
  library ??= loadLibrary();
  return library;
}

function loadLibrary(): KustoLibrary {
  const require = createRequire(import.meta.url);
  // The Bridge runtime and the library install themselves as globals (`Bridge`, `Kusto`).
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  const g = globalThis as unknown as KustoGlobals;
  const K = g.Kusto.Language;
  const tables = SOURCE_TABLES.map((t) =>
    K.Symbols.TableSymbol.From(`(${t.columns.map((c) => `${c.name}:${c.type}`).join(', ')})`).WithName(
      t.table,
    ),
  );
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('sentinel', tables));
  const kinds = new Map<number, string>();
  for (const [name, value] of Object.entries(K.Syntax.SyntaxKind)) {
    if (typeof value === 'number' && !kinds.has(value)) kinds.set(value, name);
  }
  const shortName = (value: unknown) => {
    const full = g.Bridge.getTypeName(value);
    return full.slice(full.lastIndexOf('.') + 1);
  };
  return {
    analyse: (query) => K.KustoCode.ParseAndAnalyze(query, globals),
    parse: (query) => K.KustoCode.Parse(query, globals),
    kindName: (node) => kinds.get(node.Kind) ?? 'Unknown',
    symbolClass: shortName,
    valueClass: shortName,
  };
}
