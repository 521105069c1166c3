/**
 * The report as a PDF, made in Node with PDFKit from the report model: the same file from
 * the desktop app, browser mode and the CLI. Text is set in the embedded DejaVu Sans (see
 * fonts.ts); the creation date is the report's generated-at time, so the same data and time
 * give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { articleFacts, claimFactsLine, emptyNote, leftOutNote, ORPHANED_NOTE, reportTitle, sourceDetails, type ReportClaim, type ReportModel } from '../../../../shared/report/model';
import { webHref, type RationaleBlock, type RationaleInline } from '../../../../shared/report/rationale';
import { pdfFonts, printable } from './fonts';

const INK = '#1b1b1f';
const MUTED = '#55585f';
const ACCENT = '#1d4f91';
const RULE = '#c9ccd2';
const MARGIN = 56;
/** Continued text inherits the options of the run before it: a run that is not a link says so. */
const NO_LINK = null as unknown as string;

export const REPLACED_NOTE =
  'Some characters are outside the fonts this PDF embeds (Latin, Greek and Cyrillic) and are shown as “?”. The HTML, Word and Markdown exports keep them.';

export function renderPdf(model: ReportModel): Promise<Buffer> {
  const at = new Date(model.generatedAt);
  const tally = { replaced: 0 };
  const t = (text: string) => printable(text, tally);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    // No built-in font: the embedded faces are registered below (a built-in one would be loaded from files the bundle lacks).
    font: null as unknown as string,
    info: {
      Title: reportTitle(model),
      Author: model.organization || 'Fact-check Desk',
      Subject: `Fact-check report of “${model.article.title}”`,
      Creator: 'Fact-check Desk',
      Producer: 'Fact-check Desk (PDFKit)',
      CreationDate: at,
      ModDate: at,
    },
  });
  const fonts = pdfFonts();
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage();
  };
  const style = (font: 'body' | 'bold', size: number, color = INK) => doc.font(font).fontSize(size).fillColor(color);
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(t(text), MARGIN + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0), ...options, indent: 0 });
  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.6);
    style('bold', 9, MUTED);
    para(text.toUpperCase(), { characterSpacing: 0.6 });
    doc.moveDown(0.25);
  };
  const rule = (color = RULE, weight = 0.75) => {
    doc.save().moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(weight).strokeColor(color).stroke().restore();
  };

  // Header
  if (model.organization) {
    style('bold', 10, ACCENT);
    para(model.organization);
    doc.moveDown(0.2);
  }
  style('bold', 20);
  para(reportTitle(model), { lineGap: 2 });
  doc.moveDown(0.5);
  for (const [label, value] of articleFacts(model)) factLine(label, value);
  if (model.article.url) factLine('Original', model.article.url, webHref(model.article.url));
  doc.moveDown(0.6);
  rule();
  doc.moveDown(0.8);
  for (const note of [emptyNote(model), leftOutNote(model)]) {
    if (!note) continue;
    style('body', 10.5, MUTED);
    para(note);
    doc.moveDown(0.6);
  }

  for (const claim of model.claims) renderClaim(claim);

  if (tally.replaced > 0) {
    ensure(40);
    doc.moveDown(1);
    style('body', 9, MUTED);
    para(REPLACED_NOTE);
  }

  // Page numbers, in the bottom margin of every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    style('body', 8, MUTED);
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN / 2 - 4, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;

  function factLine(label: string, value: string, link?: string | null) {
    style('bold', 9.5, MUTED);
    doc.text(`${t(label)}: `, MARGIN, doc.y, { width, continued: true });
    style('body', 9.5, link ? ACCENT : INK);
    doc.text(t(value), { link: link ?? NO_LINK });
  }

  /** Indented text with a bar on its left; kept on one page when it fits on one. */
  function quoteBlock(text: string) {
    const printed = t(text);
    const height = doc.heightOfString(printed, { width: width - 14, lineGap: 1 });
    if (height < bottom() - doc.page.margins.top) ensure(height);
    let top = doc.y;
    // A quote longer than a page: the bar starts again at the top of the page it ends on.
    const onPage = () => (top = doc.page.margins.top);
    doc.on('pageAdded', onPage);
    doc.text(printed, MARGIN + 14, doc.y, { width: width - 14, lineGap: 1 });
    doc.off('pageAdded', onPage);
    doc.save().moveTo(MARGIN + 4, top).lineTo(MARGIN + 4, doc.y - 3).lineWidth(2).strokeColor(RULE).stroke().restore();
  }

  function renderClaim(claim: ReportClaim) {
    ensure(120);
    rule(INK, 1.2);
    doc.moveDown(0.6);
    style('bold', 8.5, MUTED);
    para(`CLAIM ${claim.number}`, { characterSpacing: 0.6 });
    doc.moveDown(0.15);
    style('bold', 14);
    para(claim.wording, { lineGap: 1 });
    doc.moveDown(0.4);
    style('body', 10.5, MUTED);
    quoteBlock(claim.quote);
    if (claim.claimBy) {
      doc.moveDown(0.2);
      style('body', 10, MUTED);
      para(claim.claimBy);
    }
    if (claim.orphaned) {
      doc.moveDown(0.2);
      style('body', 9, MUTED);
      para(ORPHANED_NOTE, { indent: 14 });
    }
    doc.moveDown(0.5);
    if (claim.verdict) {
      style('bold', 12, INK);
      doc.text('Verdict: ', MARGIN, doc.y, { width, continued: true });
      style('bold', 12, ACCENT);
      doc.text(t(claim.verdict.label));
      if (claim.verdict.conclusion) {
        doc.moveDown(0.15);
        style('body', 11);
        para(claim.verdict.conclusion);
      }
    } else {
      style('body', 11, MUTED);
      para('Verdict: not yet rated');
    }
    doc.moveDown(0.35);
    style('body', 9.5, MUTED);
    para(claimFactsLine(claim));

    if (claim.verdict && claim.verdict.rationaleBlocks.length) {
      heading('Rationale');
      renderRationale(claim.verdict.rationaleBlocks);
    }
    if (claim.sources.length) {
      heading('Sources');
      claim.sources.forEach((source, i) => {
        ensure(50);
        style('bold', 10.5);
        doc.text(`${i + 1}. `, MARGIN, doc.y, { width, continued: true });
        doc.text(t(source.title), { continued: true, link: webHref(source.url) ?? undefined });
        style('body', 10.5, MUTED);
        doc.text(`  (${t(source.stanceLabel)})`, { link: NO_LINK });
        const details = sourceDetails(source);
        style('body', 9.5, MUTED);
        if (details) para(details, { indent: 14 });
        style('body', 9, ACCENT);
        para(source.url, { indent: 14, link: webHref(source.url) ?? undefined });
        if (source.excerpt) {
          doc.moveDown(0.15);
          style('body', 9.5, MUTED);
          para(source.excerpt, { indent: 28, lineGap: 0.5 });
        }
        style('body', 9, MUTED);
        const archive = source.archiveUrl ? webHref(source.archiveUrl) : null;
        if (archive) {
          doc.text(t(`Archived copy (${source.archiveLabel}): `), MARGIN + 14, doc.y, { width: width - 14, continued: true });
          style('body', 9, ACCENT);
          doc.text(t(archive), { link: archive });
        } else {
          doc.text(t(source.archiveLabel), MARGIN + 14, doc.y, { width: width - 14 });
        }
        if (source.localCopy) {
          style('body', 9, MUTED);
          doc.text(t(`Local copy kept ${source.localCopy.date} (SHA-256 ${source.localCopy.sha256})`), MARGIN + 14, doc.y, { width: width - 14 });
        }
        doc.moveDown(0.45);
      });
    }
    if (claim.corrections.length) {
      heading('Corrections');
      for (const c of claim.corrections) {
        ensure(30);
        style('bold', 10);
        doc.text(`${c.date}: `, MARGIN, doc.y, { width, continued: true });
        style('body', 10);
        doc.text(t(c.by ? `${c.note} (${c.by})` : c.note));
        doc.moveDown(0.2);
      }
    }
    doc.moveDown(1);
  }

  function renderRationale(blocks: readonly RationaleBlock[]) {
    for (const block of blocks) {
      ensure(30);
      if (block.kind === 'paragraph') {
        runs(block.children, 0);
        doc.moveDown(0.4);
        continue;
      }
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${block.start + i}.` : '•';
        style('body', 10.5);
        doc.text(marker, MARGIN + 4, doc.y, { width: 20, continued: false });
        doc.moveUp();
        runs(item, 22);
        doc.moveDown(0.15);
      });
      doc.moveDown(0.3);
    }
  }

  /** Inline runs of one paragraph: bold for strong, links in the accent colour (and clickable). */
  function runs(nodes: readonly RationaleInline[], indent: number) {
    const flat: { text: string; bold: boolean; link: string | null }[] = [];
    const walk = (list: readonly RationaleInline[], bold: boolean, link: string | null) => {
      for (const node of list) {
        if (node.kind === 'text' || node.kind === 'code') flat.push({ text: node.text, bold, link });
        else if (node.kind === 'break') flat.push({ text: '\n', bold, link });
        else if (node.kind === 'strong') walk(node.children, true, link);
        else if (node.kind === 'em') walk(node.children, bold, link);
        else walk(node.children, bold, webHref(node.href));
      }
    };
    walk(nodes, false, null);
    if (flat.length === 0) return;
    flat.forEach((run, i) => {
      const last = i === flat.length - 1;
      style(run.bold ? 'bold' : 'body', 10.5, run.link ? ACCENT : INK);
      const options: PDFKit.Mixins.TextOptions = { width: width - indent, continued: !last, lineGap: 1 };
      options.link = run.link ?? NO_LINK;
      if (i === 0) doc.text(t(run.text), MARGIN + indent, doc.y, options);
      else doc.text(t(run.text), options);
    });
  }
}
