/**
 * The text of a PDF that pdfkit wrote with its standard fonts: each content stream inflated, and the
 * strings of its TJ operators decoded from Windows-1252 (their encoding). Enough to read back a letter.
 */

import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const lines: string[] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const raw = pdf.subarray(start, text.indexOf('endstream', start));
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      continue; // not a compressed content stream (a font, an image)
    }
    for (const [, parts] of content.matchAll(/\[(.*?)\] TJ/g))
      lines.push([...parts!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => decoder.decode(Buffer.from(hex!, 'hex'))).join(''));
  }
  return lines.join('\n');
}
