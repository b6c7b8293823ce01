/**
 * The letter as a printable HTML page and as a PDF (pdfkit): the same sections in the same order, so
 * the two say exactly the same thing.
 */

import PDFDocument from 'pdfkit';
import type { Letter } from './letter.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function letterHtml(letter: Letter): string {
  const sections = letter.sections
    .map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.scheme)}: your indicative personal budget</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c; max-width: 40em; margin: 2em auto; padding: 0 1em; overflow-wrap: anywhere; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
  .headline { font-size: 1.2em; font-weight: bold; border-left: 10px solid #1d70b8; padding-left: 0.7em; }
  .meta, .provenance { color: #505a5f; font-size: 0.85em; }
  @page { size: A4; margin: 2cm; }
  @media print { body { margin: 0; font-size: 12pt; } }
</style>
</head>
<body>
<main>
<p class="meta">${escapeHtml(letter.council)} · ${escapeHtml(letter.date)}${letter.reference ? ` · Reference ${escapeHtml(letter.reference)}` : ''}</p>
<h1>${escapeHtml(letter.scheme)}</h1>
<p class="headline">${escapeHtml(letter.headline)}</p>
${sections}
<p class="provenance" data-reference>${escapeHtml(letter.provenance)}</p>
</main>
</body>
</html>
`;
}

/** The standard PDF fonts read Windows-1252: the few characters of the explanation outside it are spelled out. */
const pdfText = (text: string) => text.replaceAll('\u2212', '-').replaceAll('\u2192', '->');

export function letterPdf(letter: Letter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `${letter.scheme}: your indicative personal budget`, Author: letter.council, CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(9).fillColor('#505a5f');
    doc.text(pdfText(`${letter.council} · ${letter.date}${letter.reference ? ` · Reference ${letter.reference}` : ''}`));
    doc.moveDown().fillColor('#0b0c0c').font('Helvetica-Bold').fontSize(18).text(pdfText(letter.scheme));
    doc.moveDown(0.5).fontSize(13).text(pdfText(letter.headline));
    for (const section of letter.sections) {
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text(pdfText(section.heading));
      doc.font('Helvetica').fontSize(11);
      for (const paragraph of section.paragraphs) doc.moveDown(0.3).text(pdfText(paragraph));
    }
    doc.moveDown().fontSize(8).fillColor('#505a5f').text(pdfText(letter.provenance));
    doc.end();
  });
}
