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
  Papa.parse<string[]>(text, reading.config());
  return reading.issue;
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

/** Reads the stream record by record, keeping only papaparse's chunk in memory. */
export function readCsvStream(stream: CsvTextStream, lineEnd: CsvLineEnd, onRecord: OnRecord): Promise<RowIssue | null> {
  const reading = new Reading(onRecord);
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    Papa.parse<string[]>(stream, {
      ...reading.config(),
      newline: lineEnd,
      complete: () => resolve(reading.issue),
      error: (e) => reject(e),
    });
  });
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
