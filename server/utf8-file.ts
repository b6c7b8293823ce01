/**
 * Text files read strictly as UTF-8, for the upload worker and the CLI alike: a byte sequence that is
 * not UTF-8 is refused, never replaced with U+FFFD, so a cohort or policy never holds an answer or
 * label that differs from the file's.
 */

import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';

/** The file is not UTF-8 text. */
export class NotUtf8Error extends Error {
  constructor(readonly file: string) {
    super(`${file} is not UTF-8 text`);
    this.name = 'NotUtf8Error';
  }
}

/** A piece of a file read at a time: enough for the CSV header line of a 5,000-question cohort. */
export const PIECE_BYTES = 1 << 20;

/** The whole file as text. */
export async function readUtf8File(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotUtf8Error(file);
  }
}

/** The file's first piece as text (a character cut at the piece's end is left for later, not counted against it). */
export async function readUtf8Start(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(PIECE_BYTES), 0, PIECE_BYTES, 0);
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
  } catch (e) {
    if (e instanceof TypeError) throw new NotUtf8Error(file);
    throw e;
  } finally {
    await handle.close();
  }
}

/** The file as text, piece by piece; a byte sequence that is not UTF-8 fails the stream with NotUtf8Error. */
export function utf8Stream(file: string): Readable {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Buffer | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotUtf8Error(file);
    }
  };
  const source = createReadStream(file, { highWaterMark: PIECE_BYTES });
  const text = source.pipe(
    new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _encoding, callback) {
        try {
          callback(null, decode(chunk));
        } catch (e) {
          callback(e as Error);
        }
      },
      flush(callback) {
        try {
          const rest = decode(undefined);
          callback(null, rest === '' ? undefined : rest);
        } catch (e) {
          callback(e as Error);
        }
      },
    }),
  );
  // A file that cannot be read fails the text stream with the reason, rather than leaving it waiting.
  source.on('error', (e) => text.destroy(e));
  text.on('error', () => source.destroy());
  return text;
}
