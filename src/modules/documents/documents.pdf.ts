/**
 * Lays out a decision letter or a participation certificate as an A4 PDF with pdfkit, in DejaVu Sans
 * (embedded and subset, so æ, ø, å and § print on every reader). The text itself comes from src/domain
 * (decision-letter.ts, certificate.ts); this file only places it.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Certificate } from '../../domain/certificate';
import { formatDateNb } from '../../domain/decision-types';
import type { DecisionLetter, LetterLanguage } from '../../domain/decision-letter';

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 62;
const PAGE_WORD: Record<LetterLanguage, (n: number, of: number) => string> = {
  NB: (n, of) => `Side ${n} av ${of}`,
  NN: (n, of) => `Side ${n} av ${of}`,
};

interface Meta {
  title: string;
  author: string;
  language: LetterLanguage;
  /** The document's creation time (the request's instant, not the clock of the machine that renders). */
  createdAt: Date;
}

function render(meta: Meta, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: meta.language === 'NN' ? 'nn-NO' : 'nb-NO',
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'introsak', CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
  doc.registerFont('Regular', f.regular);
  doc.registerFont('Bold', f.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${meta.author} · ${PAGE_WORD[meta.language](i + 1, range.count)}`, MARGIN, doc.page.height - MARGIN + 20, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A section sign stays on the line of its number ("§ 42" never breaks after the §). */
const glue = (text: string) => text.replace(/(§§?) /g, '$1\u00a0');

/** Starts a new page when less than `height` points are left: a heading or the signature is never left alone at a page's foot. */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  keepTogether(doc, 60);
  doc.moveDown(0.8).font('Bold').fontSize(11.5).fillColor('#000000').text(text);
  doc.moveDown(0.2);
}

function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Regular').fontSize(10.5).fillColor('#000000').text(glue(text), { lineGap: 2 });
  doc.moveDown(0.4);
}

/** the decision letter as a PDF. */
export function decisionLetterPdf(letter: DecisionLetter, createdAt: Date): Promise<Buffer> {
  return render({ title: letter.title, author: letter.sender, language: letter.language, createdAt }, (doc) => {
    doc.font('Bold').fontSize(15).text(letter.sender);
    doc.moveDown(0.6);
    for (const h of letter.header) {
      doc.font('Bold').fontSize(9.5).text(`${h.label}: `, { continued: true }).font('Regular').text(h.value);
    }
    doc.moveDown(1.2);
    doc.font('Bold').fontSize(16).text(letter.title);
    doc.moveDown(0.4);
    for (const s of letter.sections) {
      if (s.heading) heading(doc, s.heading);
      for (const p of s.paragraphs) paragraph(doc, p);
      if (s.list?.length) {
        doc.font('Regular').fontSize(10.5).list(s.list.map(glue), { bulletRadius: 1.8, textIndent: 12, bulletIndent: 4, lineGap: 2 });
        doc.moveDown(0.4);
      }
    }
    doc.moveDown(1);
    keepTogether(doc, 110);
    const [regards, ...signature] = letter.closing;
    paragraph(doc, regards);
    doc.moveDown(0.6);
    doc.font('Regular').fontSize(10.5).text(signature.join('\n'));
  });
}

const ISSUER: Record<LetterLanguage, string> = { NB: 'Utstedt av', NN: 'Utferda av' };

/** the participation certificate as a PDF, its lines as the domain builds them. */
export function certificatePdf(c: Certificate & { municipalityName: string; issuedAt: string }, createdAt: Date): Promise<Buffer> {
  return render({ title: c.title, author: c.municipalityName, language: c.language, createdAt }, (doc) => {
    doc.font('Bold').fontSize(15).text(c.municipalityName);
    doc.moveDown(1.5);
    doc.font('Bold').fontSize(18).text(c.title);
    doc.moveDown(1);
    const labelWidth = 200;
    const x = doc.page.margins.left;
    const valueWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right - labelWidth - 10;
    for (const line of c.lines) {
      const y = doc.y;
      doc.font('Bold').fontSize(10.5).text(line.label, x, y, { width: labelWidth });
      const afterLabel = doc.y;
      doc
        .font('Regular')
        .fontSize(10.5)
        .text(line.value, x + labelWidth + 10, y, { width: valueWidth });
      doc.y = Math.max(afterLabel, doc.y) + 4;
      doc.x = x;
      doc
        .moveTo(x, doc.y - 2)
        .lineTo(doc.page.width - doc.page.margins.right, doc.y - 2)
        .lineWidth(0.3)
        .strokeColor('#bbbbbb')
        .stroke();
    }
    doc.moveDown(1);
    doc.font('Regular').fontSize(9).text(c.elementsNote, x);
    doc.moveDown(1.5);
    doc
      .font('Regular')
      .fontSize(10.5)
      .text(`${ISSUER[c.language]} ${c.municipalityName}, ${formatDateNb(c.issuedAt)}`, x);
  });
}
