import { useState } from 'preact/hooks';

/** Copies `text` to the clipboard and says so (to screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
    setTimeout(() => setDone('idle'), 2000);
  };
  return (
    <button type="button" class="small" onClick={copy} aria-label={`Copy ${label}`}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed: select the text' : 'Copy'}
      <span class="visually-hidden" aria-live="polite">
        {done === 'copied' ? `${label} copied` : ''}
      </span>
    </button>
  );
}

/** A labelled block of text to paste elsewhere, with its copy button. */
export function Snippet({ label, text }: { label: string; text: string }) {
  return (
    <figure class="snippet">
      <figcaption>
        <span>{label}</span> <CopyButton text={text} label={label} />
      </figcaption>
      <pre>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
