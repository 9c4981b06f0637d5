import { gunzipSync } from 'node:zlib';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../core/index.js';

/** Undoes Content-Encoding; the decompressed size is capped too, so a zip bomb costs us nothing. */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined, limitBytes: number): Buffer {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    throw new UnsupportedMediaTypeError(`Content-Encoding ${encoding} is not supported (use gzip or none)`);
  }
  try {
    return gunzipSync(raw, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new PayloadTooLargeError(limitBytes);
    throw new ValidationError(`body is not valid gzip: ${(error as Error).message}`);
  }
}
