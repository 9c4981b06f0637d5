import { ValidationError } from '../core/index.js';

export interface CursorPosition {
  readonly time: string;
  readonly id: string;
}

/** An opaque page cursor: the (time, id) of the last item of the page. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.time}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [time, id, extra] = text.split('|');
  if (
    time === undefined ||
    id === undefined ||
    extra !== undefined ||
    Number.isNaN(Date.parse(time)) ||
    id === ''
  ) {
    throw new ValidationError('invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API returned' },
    ]);
  }
  return { time, id };
}
