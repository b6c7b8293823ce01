import { NotUtf8Error, readUtf8File } from '../server/utf8-file.js';

/** A file the user named could not be used; the message says which file and why. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A file's text, or an InputError that names the file and says why it could not be read (bytes that are not UTF-8, too). */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readUtf8File(file);
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** The InputError for a file that could not be opened or read. */
export function unreadable(file: string, e: unknown): InputError {
  if (e instanceof NotUtf8Error) return new InputError(`${file}: not UTF-8 text (save it as UTF-8 and try again)`);
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
}

export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readTextFile(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}
