import { useRef, useState } from 'preact/hooks';
import { type Completion, complete, type SchemaTable, tokenize, wordAt } from '../lib/kql-language';

export interface Diagnostic {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
  readonly severity?: string;
}

/**
 * A KQL editor: a plain textarea (so typing, selection, undo and screen readers work as usual)
 * over a highlight layer built from text nodes. Completion opens with Ctrl+Space or while typing
 * a word; arrows move, Enter or Tab accept, Esc closes. Errors are underlined at their position.
 */
export function KqlEditor(props: {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  schema: readonly SchemaTable[];
  diagnostics: readonly Diagnostic[];
  labelledBy: string;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const layer = useRef<HTMLPreElement>(null);
  const [items, setItems] = useState<Completion[]>([]);
  const [active, setActive] = useState(0);
  const open = items.length > 0;
  const suggest = (text: string, caret: number, force: boolean) => {
    const { word } = wordAt(text, caret);
    const next = force || word.length > 0 ? complete(text, caret, props.schema) : [];
    setItems(next);
    setActive(0);
  };
  const accept = (item: Completion) => {
    const el = area.current;
    if (!el) return;
    const caret = el.selectionStart;
    const { start } = wordAt(props.value, caret);
    const next = props.value.slice(0, start) + item.label + props.value.slice(caret);
    props.onChange(next);
    setItems([]);
    const at = start + item.label.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      props.onRun();
    } else if (event.ctrlKey && event.key === ' ') {
      event.preventDefault();
      suggest(props.value, area.current?.selectionStart ?? 0, true);
    } else if (open && event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((active + 1) % items.length);
    } else if (open && event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((active - 1 + items.length) % items.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      const item = items[active];
      if (item) accept(item);
    } else if (open && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setItems([]);
    }
  };
  const errors = props.diagnostics.map((d) => ({ start: d.offset, end: d.offset + Math.max(1, d.length) }));
  const isError = (start: number, end: number) => errors.some((e) => start < e.end && end > e.start);
  const tokens = tokenize(props.value, props.schema);
  return (
    <div class="kql-editor">
      <div class="kql-stack">
        <pre class="kql-layer" aria-hidden="true" ref={layer}>
          {tokens.map((token) => (
            <span
              key={token.start}
              class={`tok-${token.kind}${isError(token.start, token.start + token.text.length) ? ' tok-error' : ''}`}
            >
              {token.text}
            </span>
          ))}
          {'\n'}
        </pre>
        <textarea
          ref={area}
          class="kql-input"
          spellcheck={false}
          autoComplete="off"
          aria-labelledby={props.labelledBy}
          aria-autocomplete="list"
          aria-controls="kql-completions"
          aria-activedescendant={open ? `kql-option-${active}` : undefined}
          aria-describedby="kql-help"
          value={props.value}
          onInput={(e) => {
            const el = e.currentTarget;
            props.onChange(el.value);
            suggest(el.value, el.selectionStart, false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setItems([]), 150)}
          onScroll={(e) => {
            if (layer.current) {
              layer.current.scrollTop = e.currentTarget.scrollTop;
              layer.current.scrollLeft = e.currentTarget.scrollLeft;
            }
          }}
        />
      </div>
      <p id="kql-help" class="muted small-print">
        Ctrl+Space: completions · Ctrl+Enter: run
      </p>
      {open && (
        <div class="completions" id="kql-completions" role="listbox" aria-label="Completions">
          {items.map((item, i) => (
            <div
              key={item.label}
              id={`kql-option-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(item);
              }}
            >
              <span class={`tok-${item.kind}`}>{item.label}</span> <span class="muted">{item.detail}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
