/**
 * The report as a Word document (.docx), made with the `docx` library from the report model:
 * headings, paragraphs, the rationale's safe subset (bold, lists, links), a numbered list of
 * sources, corrections. The `docx` library stamps the file with the current time and random
 * link ids; `deterministic` rewrites those from the report's generated-at time, so the same
 * data and time give the same bytes (the CLI and the app agree).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { articleFacts, claimFactsLine, emptyNote, leftOutNote, ORPHANED_NOTE, reportTitle, sourceDetails, type ReportClaim, type ReportModel } from '../../../../shared/report/model';
import { webHref, type RationaleBlock, type RationaleInline } from '../../../../shared/report/rationale';

const MUTED = '55585F';
const ACCENT = '1D4F91';

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  let listInstance = 0;
  const children: Paragraph[] = [];
  const p = (runs: ParagraphChild[], options: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'> = {}) =>
    children.push(new Paragraph({ ...options, children: runs }));
  const text = (value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
    new TextRun({ text: clean(value), ...options });
  const link = (url: string, label: string) => {
    const href = webHref(url);
    return href ? new ExternalHyperlink({ link: href, children: [new TextRun({ text: clean(label), style: 'Hyperlink' })] }) : text(label);
  };

  if (model.organization) p([text(model.organization, { bold: true, color: ACCENT })]);
  p([text(reportTitle(model))], { heading: HeadingLevel.TITLE });
  for (const [label, value] of articleFacts(model)) p([text(`${label}: `, { bold: true, color: MUTED }), text(value)], { spacing: { after: 0 } });
  if (model.article.url) p([text('Original: ', { bold: true, color: MUTED }), link(model.article.url, model.article.url)], { spacing: { after: 0 } });
  for (const note of [emptyNote(model), leftOutNote(model)]) if (note) p([text(note, { italics: true, color: MUTED })], { spacing: { before: 240 } });

  for (const claim of model.claims) renderClaim(claim);

  function renderClaim(claim: ReportClaim) {
    p([text(`Claim ${claim.number}: ${claim.wording}`)], { heading: HeadingLevel.HEADING_1, spacing: { before: 360 } });
    p(lines(claim.quote, { color: MUTED }), { indent: { left: 360 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9CCD2', space: 8 } } });
    if (claim.claimBy) p([text(claim.claimBy, { italics: true, color: MUTED })]);
    if (claim.orphaned) p([text(ORPHANED_NOTE, { italics: true, color: MUTED })]);
    if (claim.verdict) {
      p([text('Verdict: ', { bold: true }), text(claim.verdict.label, { bold: true, color: ACCENT })], { spacing: { before: 120 } });
      if (claim.verdict.conclusion) p([text(claim.verdict.conclusion)]);
    } else {
      p([text('Verdict: not yet rated', { italics: true, color: MUTED })], { spacing: { before: 120 } });
    }
    p([text(claimFactsLine(claim), { color: MUTED, size: 19 })]);
    if (claim.verdict && claim.verdict.rationaleBlocks.length) {
      p([text('Rationale')], { heading: HeadingLevel.HEADING_2 });
      renderRationale(claim.verdict.rationaleBlocks);
    }
    if (claim.sources.length) {
      p([text('Sources')], { heading: HeadingLevel.HEADING_2 });
      const instance = ++listInstance;
      for (const source of claim.sources) {
        const details = sourceDetails(source);
        p([link(source.url, source.title), text(` (${source.stanceLabel})`, { color: MUTED })], { numbering: { reference: 'numbered', level: 0, instance }, spacing: { after: 0 } });
        const lines2: ParagraphChild[] = [];
        if (details) lines2.push(text(details, { color: MUTED, size: 19 }), new TextRun({ break: 1 }));
        lines2.push(link(source.url, source.url));
        lines2.push(new TextRun({ break: 1 }));
        if (source.archiveUrl) lines2.push(text(`Archived copy (${source.archiveLabel}): `, { color: MUTED, size: 19 }), link(source.archiveUrl, source.archiveUrl));
        else lines2.push(text(source.archiveLabel, { color: MUTED, size: 19 }));
        if (source.localCopy) lines2.push(new TextRun({ break: 1 }), text(`Local copy kept ${source.localCopy.date} (SHA-256 ${source.localCopy.sha256})`, { color: MUTED, size: 19 }));
        p(lines2, { indent: { left: 720 }, spacing: { after: source.excerpt ? 0 : 120 } });
        if (source.excerpt) p(lines(source.excerpt, { italics: true, color: MUTED, size: 19 }), { indent: { left: 1080 }, spacing: { after: 120 } });
      }
    }
    if (claim.corrections.length) {
      p([text('Corrections')], { heading: HeadingLevel.HEADING_2 });
      for (const c of claim.corrections) {
        p([text(`${c.date}: `, { bold: true }), text(c.note), ...(c.by ? [text(` (${c.by})`, { color: MUTED })] : [])], { bullet: { level: 0 } });
      }
    }
  }

  function renderRationale(blocks: readonly RationaleBlock[]) {
    for (const block of blocks) {
      if (block.kind === 'paragraph') {
        p(inlineRuns(block.children));
        continue;
      }
      const instance = ++listInstance;
      for (const item of block.items) {
        p(inlineRuns(item), block.ordered ? { numbering: { reference: 'numbered', level: 0, instance } } : { bullet: { level: 0 } });
      }
    }
  }

  const doc = new Document({
    creator: 'Fact-check Desk',
    lastModifiedBy: 'Fact-check Desk',
    title: reportTitle(model),
    description: `Fact-check report of “${model.article.title}”${model.organization ? ` by ${model.organization}` : ''}`,
    styles: { default: { document: { run: { size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {},
        children: [...children, new Paragraph({ spacing: { before: 480 }, children: [text(`Report generated ${model.generatedAtText} with Fact-check Desk.`, { color: MUTED, size: 18 })] })],
      },
    ],
  });
  return deterministic(await Packer.toBuffer(doc), model.generatedAt);
}

/** The rationale's inline tree as Word runs: bold, italics, links (http(s) only). */
function inlineRuns(nodes: readonly RationaleInline[], style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.kind) {
      case 'text':
        return [new TextRun({ text: clean(node.text), ...style })];
      case 'code':
        return [new TextRun({ text: clean(node.text), font: 'Consolas', ...style })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'strong':
        return inlineRuns(node.children, { ...style, bold: true });
      case 'em':
        return inlineRuns(node.children, { ...style, italics: true });
      case 'link': {
        const href = webHref(node.href);
        if (!href) return inlineRuns(node.children, style);
        return [new ExternalHyperlink({ link: href, children: [new TextRun({ text: clean(inlineLabel(node.children)), style: 'Hyperlink', ...style })] })];
      }
    }
  });
}

function inlineLabel(nodes: readonly RationaleInline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : n.kind === 'break' ? ' ' : n.kind === 'strong' || n.kind === 'em' || n.kind === 'link' ? inlineLabel(n.children) : '')).join('');
}

/** Multi-line text as runs with line breaks. */
function lines(value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number }): ParagraphChild[] {
  return value
    .trim()
    .split(/\r?\n/)
    .flatMap((line, i) => (i === 0 ? [new TextRun({ text: clean(line), ...options })] : [new TextRun({ text: clean(line), break: 1, ...options })]));
}

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters at all
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text Word can hold: characters XML 1.0 forbids are dropped (the `docx` library escapes the rest). */
function clean(value: string): string {
  return value.replace(XML_INVALID, '');
}

/**
 * The same .docx with what `docx` makes up on every run replaced: the creation and change
 * times (now the report's time), the random ids of hyperlink relationships (now numbered in
 * order of appearance) and the zip entries' dates.
 */
/** A relationship id where it is declared (`Id`, in .rels) and where it is used (`r:id`, in the document). */
const RELATIONSHIP_ID = /\b(Id|r:id)="([^"]*)"/g;

export function deterministic(file: Buffer, generatedAt: string): Buffer {
  const parts = unzipSync(file);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const rels = decoder.decode(parts['word/_rels/document.xml.rels'] ?? new Uint8Array());
  const random = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !/^rId\d+$/.test(id));
  const renames = new Map(random.map((id, i) => [id, `rIdLink${i + 1}`]));
  const stamp = new Date(generatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const date = new Date(generatedAt);
  // fflate writes the DOS date from local time: give it the report's UTC wall time as local, so the zone does not matter.
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    let bytes = data;
    if (/\.(xml|rels)$/.test(name)) {
      let xml = decoder.decode(data);
      // One pass over the part, not one per link: a report cites thousands of links.
      if (renames.size > 0) xml = xml.replace(RELATIONSHIP_ID, (whole: string, attribute: string, id: string) => (renames.has(id) ? `${attribute}="${renames.get(id)}"` : whole));
      if (name === 'docProps/core.xml') {
        xml = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
      }
      bytes = encoder.encode(xml);
    }
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return Buffer.from(zipSync(out));
}
