import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ValidationError } from '../core/index.js';
import { jsonErrorMessage } from './json-position.js';
import type { ParsedItem } from './parse-events.js';

export type UploadItem = ParsedItem & { readonly line: number };

/** Longest single event accepted in an upload; longer ones are rejected by line. */
const MAX_ITEM_CHARS = 8 * 1024 * 1024;

/**
 * Streams events out of an upload in constant memory: a JSON array or JSONL, either of them
 * optionally gzipped (detected by its magic bytes, so `.gz` needs no header).
 */
export async function* readUpload(source: AsyncIterable<Buffer | string>): AsyncGenerator<UploadItem> {
  const decoder = new StringDecoder('utf8');
  let splitter: Splitter | null = null;
  // Leading whitespace is held until the first real character decides the format, so its
  // newlines still count towards line numbers.
  let leading = '';
  for await (const chunk of gunzipIfNeeded(source)) {
    let text = decoder.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (splitter === null) {
      text = leading + text;
      const first = /\S/.exec(text);
      if (!first) {
        leading = text;
        continue;
      }
      splitter = first[0] === '[' ? new ArraySplitter() : new LineSplitter();
    }
    yield* splitter.push(text);
  }
  if (splitter === null) throw new ValidationError('upload is empty');
  yield* splitter.push(decoder.end());
  yield* splitter.end();
}

async function* gunzipIfNeeded(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  const iterator = source[Symbol.asyncIterator]();
  // The two magic bytes may arrive in separate chunks.
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head = Buffer.concat([head, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
  }
  if (head.length === 0) return;
  const rest = {
    async *[Symbol.asyncIterator]() {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const feed = (async () => {
    try {
      for await (const chunk of rest)
        if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw new ValidationError(`upload is not valid gzip: ${(error as Error).message}`);
  }
  await feed;
}

interface Splitter {
  push(text: string): Iterable<UploadItem>;
  end(): Iterable<UploadItem>;
}

function parseItem(text: string, index: number, line: number): UploadItem {
  if (text.length > MAX_ITEM_CHARS)
    return { index, line, error: `line ${line}: event exceeds ${MAX_ITEM_CHARS} characters` };
  try {
    return { index, line, value: JSON.parse(text) };
  } catch {
    return { index, line, error: `line ${line}: malformed JSON: ${jsonErrorMessage(text)}` };
  }
}

/** JSONL: one event per line; blank lines are skipped, CRLF is fine. */
class LineSplitter implements Splitter {
  private pending = '';
  private line = 0;
  private index = 0;

  *push(text: string): Generator<UploadItem> {
    this.pending += text;
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      yield* this.emit(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
    if (this.pending.length > MAX_ITEM_CHARS * 2) {
      throw new ValidationError(`line ${this.line + 1} exceeds ${MAX_ITEM_CHARS} characters`);
    }
  }

  *end(): Generator<UploadItem> {
    if (this.pending !== '') yield* this.emit(this.pending);
    this.pending = '';
  }

  private *emit(raw: string): Generator<UploadItem> {
    this.line += 1;
    const text = raw.trim();
    if (text !== '') yield parseItem(text, this.index++, this.line);
  }
}

/** A top-level JSON array, split into its elements without holding the whole array. */
class ArraySplitter implements Splitter {
  private started = false;
  private closed = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private current = '';
  private currentLine = 1;
  private line = 1;
  private index = 0;

  *push(text: string): Generator<UploadItem> {
    let segmentStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (!this.started) {
        if (c === '[') {
          this.started = true;
          this.currentLine = this.line;
          segmentStart = i + 1;
        }
        continue;
      }
      if (this.closed) {
        if (c !== undefined && /\S/.test(c))
          throw new ValidationError(`unexpected text after the array at line ${this.line}`);
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth += 1;
      else if (c === '}' || c === ']') {
        if (this.depth === 0 && c === '}') throw new ValidationError(`unexpected } at line ${this.line}`);
        if (this.depth === 0) {
          this.closed = true;
          this.current += text.slice(segmentStart, i);
          yield* this.flush();
          continue;
        }
        this.depth -= 1;
      } else if (c === ',' && this.depth === 0) {
        this.current += text.slice(segmentStart, i);
        yield* this.flush(true);
        segmentStart = i + 1;
      }
    }
    if (this.started && !this.closed) this.current += text.slice(segmentStart);
    if (this.current.length > MAX_ITEM_CHARS) {
      throw new ValidationError(
        `array element starting at line ${this.currentLine} exceeds ${MAX_ITEM_CHARS} characters`,
      );
    }
  }

  end(): Iterable<UploadItem> {
    if (this.closed) return [];
    throw new ValidationError(
      `upload ends inside the JSON array (line ${this.line}): is the file truncated?`,
    );
  }

  private *flush(required = false): Generator<UploadItem> {
    const text = this.current.trim();
    const line = this.currentLine + leadingNewlines(this.current);
    this.current = '';
    this.currentLine = this.line;
    if (text === '') {
      if (required || this.index > 0)
        yield { index: this.index++, line, error: `line ${line}: empty array element` };
      return;
    }
    yield parseItem(text, this.index++, line);
  }
}

function leadingNewlines(text: string): number {
  let count = 0;
  for (const c of text) {
    if (c === '\n') count += 1;
    else if (/\S/.test(c)) break;
  }
  return count;
}
