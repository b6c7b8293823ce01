/**
 * The one CSV reader: records with the line of the file each starts on, from a whole text or a
 * stream of text, parsed by papaparse (RFC 4180 quoting, a BOM, LF, CRLF or old Mac CR line ends).
 * A stream is read record by record, so a million-row file never sits in memory whole.
 */

import Papa from 'papaparse';
import type { RowIssue } from './row-issues.js';

/** Called for each record that is not a blank line; `line` is the line of the file it starts on (1-based). */
export type OnRecord = (cells: string[], line: number) => void;

/** A stream of text, as papaparse reads it: a Node readable with an encoding set. */
export type CsvTextStream = NodeJS.ReadableStream;

/** Reads the whole text; the issue is the first place the text stops being CSV, if it does. */
export function readCsvText(text: string, onRecord: OnRecord): RowIssue | null {
  const reading = new Reading(onRecord);
  const lines = new LineEnds();
  Papa.parse<string[]>(lines.toLf(text) + lines.end(), { ...reading.config(), newline: '\n' });
  return reading.issue;
}

/**
 * Makes every line end outside quotes LF, chunk by chunk, so a file whose line ends are mixed (a CRLF
 * file with a row typed in an editor that ends it with LF) is read row by row: papaparse reads one line
 * end only, and took a row ending otherwise for part of the next. A quoted cell keeps its line breaks
 * as they are; a line is still one line, so line numbers are unchanged.
 */
export class LineEnds {
  private quoted = false;
  private heldCr = false;

  /** The chunk with LF line ends; a CR that ends it is held back, as the next chunk may begin with its LF. */
  toLf(chunk: string): string {
    let text = this.heldCr ? `\r${chunk}` : chunk;
    this.heldCr = false;
    if (!text.includes('\r')) {
      this.quoted = countQuotes(text) % 2 === 1 ? !this.quoted : this.quoted;
      return text;
    }
    const parts = text.split('"');
    const last = parts.length - 1;
    for (let i = 0; i <= last; i++) {
      const outside = (i % 2 === 0) !== this.quoted;
      if (!outside) continue;
      let part = parts[i]!;
      if (i === last && part.endsWith('\r')) {
        part = part.slice(0, -1);
        this.heldCr = true;
      }
      parts[i] = part.includes('\r') ? part.replace(/\r\n?/g, '\n') : part;
    }
    if (last % 2 === 1) this.quoted = !this.quoted;
    text = parts.join('"');
    return text;
  }

  /** What is left at the end of the text: the held CR, as a line end. */
  end(): string {
    const rest = this.heldCr ? '\n' : '';
    this.heldCr = false;
    return rest;
  }
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

export type CsvLineEnd = '\r\n' | '\n' | '\r';

/**
 * The line end a file uses, from its start: the first line break outside quotes. A stream's reader
 * is told it, because papaparse would otherwise guess from its first chunk, which may end before the
 * first line does. A sample with no line break is one line, and any line end will do.
 */
export function csvLineEnd(sample: string): CsvLineEnd {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0a) return '\n';
    else if (!quoted && c === 0x0d) {
      if (sample.charCodeAt(i + 1) === 0x0a) return '\r\n';
      // A CR that ends the sample may be the first half of a CRLF.
      return i + 1 < sample.length ? '\r' : '\r\n';
    }
  }
  return '\n';
}

/**
 * Reads the stream record by record, keeping only papaparse's chunk in memory. Any line end is read,
 * mixed ones too (see LineEnds); `_lineEnd`, the file's first, is no longer needed to read it.
 */
export function readCsvStream(stream: CsvTextStream, _lineEnd: CsvLineEnd, onRecord: OnRecord): Promise<RowIssue | null> {
  const reading = new Reading(onRecord);
  const text = withLfLineEnds(stream);
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    Papa.parse<string[]>(text, {
      ...reading.config(),
      newline: '\n',
      complete: () => resolve(reading.issue),
      error: (e) => reject(e),
    });
  });
}

/**
 * The stream as papaparse reads it (its data, end and error events, pause and resume), each chunk with
 * LF line ends. Not a Node stream of its own: the engine uses nothing that exists only in Node.js.
 */
function withLfLineEnds(source: CsvTextStream): CsvTextStream {
  const lines = new LineEnds();
  const own = new Map<(...args: never[]) => void, (...args: unknown[]) => void>();
  let onData: ((chunk: string) => void) | null = null;
  const adapter = {
    readable: true,
    read: () => null,
    pause() {
      source.pause();
      return adapter;
    },
    resume() {
      source.resume();
      return adapter;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      let wrapped = listener;
      if (event === 'data') {
        onData = listener as (chunk: string) => void;
        wrapped = (chunk: unknown) => {
          const text = lines.toLf(String(chunk));
          if (text) listener(text);
        };
      } else if (event === 'end') {
        wrapped = () => {
          const rest = lines.end();
          if (rest && onData) onData(rest);
          listener();
        };
      }
      own.set(listener, wrapped);
      source.on(event, wrapped);
      return adapter;
    },
    removeListener(event: string, listener: (...args: unknown[]) => void) {
      source.removeListener(event, own.get(listener) ?? listener);
      own.delete(listener);
      return adapter;
    },
  };
  return adapter as unknown as CsvTextStream;
}

/**
 * Blank lines come through as records (so they can be counted) and are skipped here; a record's line
 * is one past the lines every record before it took, a quoted line break counting as a line.
 */
class Reading {
  issue: RowIssue | null = null;
  private line = 1;
  private first = true;
  /** Where the previous record ended, in characters of the text. */
  private cursor = 0;

  constructor(private readonly onRecord: OnRecord) {}

  config() {
    return {
      delimiter: ',',
      skipEmptyLines: false,
      step: (result: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => this.step(result, parser),
    } as const;
  }

  private step({ data: cells, errors, meta }: Papa.ParseStepResult<string[]>, parser: Papa.Parser): void {
    if (this.issue) return;
    const line = this.line;
    this.line += 1 + (this.quoted(cells, meta) ? lineBreaksIn(cells) : 0);
    if (errors.length > 0) {
      const error = errors[0]!;
      this.issue = { row: 0, line, field: '', code: 'csv_syntax', message: `the file is not readable CSV: ${lowerFirst(error.message)}` };
      parser.abort();
      return;
    }
    if (this.first && cells.length > 0) cells[0] = cells[0]!.replace(/^\uFEFF/, '');
    this.first = false;
    if (cells.length === 1 && cells[0] === '') return;
    this.onRecord(cells, line);
  }

  /**
   * Only a quoted cell can hold a line break, and quotes make a record's text longer than its cells, its
   * commas and its line end: a record no longer than that has none. (A last record with no line end may
   * be taken for unquoted when it is quoted; no record follows it, so no line number depends on it. A
   * BOM makes the first look quoted, which only costs a scan.)
   */
  private quoted(cells: readonly string[], meta: Papa.ParseMeta): boolean {
    const end = meta.cursor;
    const length = end - this.cursor;
    this.cursor = end;
    let plain = cells.length - 1 + meta.linebreak.length;
    for (let k = 0; k < cells.length; k++) plain += cells[k]!.length;
    return length > plain;
  }
}

/** CRLF, LF and a lone CR each end one line. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && cell.charCodeAt(i + 1) !== 0x0a)) breaks++;
    }
  }
  return breaks;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
