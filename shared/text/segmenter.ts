/**
 * The sentence segmenter for news articles. Splits an article into paragraphs (at blank lines)
 * and segments — sentences, headings, list items and page clutter — with exact offsets:
 * `text.slice(s.start, s.end) === s.text` for every segment, always; segments are trimmed,
 * in order and never overlap.
 *
 * One forward pass: the text is cut into lines, lines into paragraphs; each line is classed
 * (bullet, marked heading, clutter, text). Text lines are searched for terminal marks with one
 * regex that never rescans, and at each mark `boundary.ts` decides from the few characters
 * around it. Nothing is sliced except the segments' own text.
 *
 * Line breaks inside a paragraph: when the paragraph shows signs of a fixed-width wrap (a line
 * continues in lower case, or ends with a comma, a hyphenated word or a word nothing ends
 * with, like "the"), a line break is just a space and only headings, bullets and clutter lines
 * end a segment there. Otherwise every line is a unit the author chose (text pasted from a web
 * page, where a line is a paragraph), and a line end always ends a segment.
 *
 * A short line without terminal punctuation that is a whole segment is a `heading`, unless it
 * is the text's last line (nothing follows it, so it is read as a sentence missing its period).
 * A bullet line, with the indented or lower-case lines that continue it, is one `list-item`
 * (its marker left out); a clutter line (`clutter.ts`) is one `clutter` segment.
 */
import { decide, isGreekQuestionMark, type Decision } from './boundary';
import { TerminalFinder, isSpace } from './chars';
import { isClutterLine } from './clutter';
import {
  type Line, bulletContent, firstWordLength, lastWord, looksLikeHeading, markedHeadingContent, splitLines, startsLowerCase,
  wrapsInto,
} from './lines';
import { CONTINUATION_WORDS } from './abbreviations';

/** What a segment is; only `sentence`, `heading` and `list-item` can be claim candidates. */
export type SegmentKind = 'sentence' | 'heading' | 'list-item' | 'clutter';

export interface Paragraph {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Index into `paragraphs`. */
  paragraph: number;
  kind: SegmentKind;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Segment[];
}

export function segmentText(text: string): Segmentation {
  const lines = splitLines(text);
  const result: Segmentation = { paragraphs: [], sentences: [] };
  const finder = new TerminalFinder(text);
  const scan = new ArticleScan(text, lines, result, finder);
  let first = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && !lines[i]!.opensParagraph) continue;
    scan.paragraph(first, i);
    first = i;
  }
  return result;
}

const enum LineKind {
  Text,
  Bullet,
  /** A line that continues the bullet above it (indented or starting in lower case). */
  BulletMore,
  MarkedHeading,
  Clutter,
}

/** Segments an article paragraph by paragraph; one instance per text, its state reset per paragraph. */
class ArticleScan {
  /** Per line of the text: its kind, and where its marker-less text starts (bullets, marked headings). */
  private readonly kinds: Uint8Array;
  private readonly contentStarts: Int32Array;
  /** The paragraph being segmented: its index and its lines [first, last). */
  private index = 0;
  private first = 0;
  private last = 0;
  private wrapped = false;
  /** The longest text line: the wrap width, for telling a deliberate short line from a wrapped one. */
  private width = 0;
  /** Start of the segment being built, or -1. */
  private open = -1;
  /** End of the last text line scanned: where an open segment closes before a bullet or clutter line. */
  private textEnd = 0;
  /** The last line of the run of text lines being scanned in a wrapped paragraph. */
  private runLast = -1;
  private readonly decision: Decision = { end: 0, boundary: false, next: 0 };

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly out: Segmentation,
    private readonly terminals: TerminalFinder,
  ) {
    this.kinds = new Uint8Array(lines.length);
    this.contentStarts = new Int32Array(lines.length);
  }

  /** Segments the paragraph made of lines[first, last). */
  paragraph(first: number, last: number): void {
    const { lines, kinds } = this;
    this.index = this.out.paragraphs.length;
    this.out.paragraphs.push({ start: lines[first]!.start, end: lines[last - 1]!.end });
    this.first = first;
    this.last = last;
    this.wrapped = false;
    this.width = 0;
    this.open = -1;
    this.runLast = -1;
    this.classify();
    for (let i = first; i < last; i++) {
      const line = lines[i]!;
      const kind = kinds[i]!;
      if (kind === LineKind.Text) {
        this.scanTextLine(i);
        continue;
      }
      this.closeOpen();
      if (kind === LineKind.Bullet) {
        const content = this.contentStarts[i]!;
        let end = line.end;
        while (i + 1 < last && kinds[i + 1] === LineKind.BulletMore) end = lines[++i]!.end;
        this.emit(content, end, 'list-item');
      } else if (kind === LineKind.MarkedHeading) {
        this.emit(this.contentStarts[i]!, line.end, 'heading');
      } else {
        this.emit(line.start, line.end, 'clutter');
      }
    }
  }

  private classify(): void {
    const { text, lines } = this;
    let previous: LineKind | undefined;
    for (let i = this.first; i < this.last; i++) {
      const line = lines[i]!;
      let kind = LineKind.Text;
      let content = line.start;
      const bullet = bulletContent(text, line);
      if (bullet >= 0) {
        kind = LineKind.Bullet;
        content = bullet;
      } else if (isClutterLine(text, line.start, line.end)) {
        kind = LineKind.Clutter;
      } else if ((previous === LineKind.Bullet || previous === LineKind.BulletMore) && (line.indented || startsLowerCase(text, line))) {
        kind = LineKind.BulletMore;
      } else {
        const marked = markedHeadingContent(text, line);
        if (marked >= 0) {
          kind = LineKind.MarkedHeading;
          content = marked;
        }
      }
      this.kinds[i] = kind;
      this.contentStarts[i] = content;
      if (kind === LineKind.Text) {
        this.width = Math.max(this.width, line.end - line.start);
        if (previous === LineKind.Text && wrapsInto(text, lines[i - 1]!, line)) this.wrapped = true;
      }
      previous = kind;
    }
  }

  private kindOf(i: number): LineKind | undefined {
    return i < this.last ? this.kinds[i] : undefined;
  }

  /** Scans text line `i` for sentence ends, then decides whether its line break ends the segment. */
  private scanTextLine(i: number): void {
    const { text, lines } = this;
    const line = lines[i]!;
    const nextIsText = this.kindOf(i + 1) === LineKind.Text;
    // In a wrapped paragraph the lookahead runs on into the following text lines.
    let limit = line.end;
    if (this.wrapped && nextIsText) {
      // The run of text lines is found once, not once per line (which would be quadratic).
      if (this.runLast <= i) {
        let j = i + 1;
        while (this.kindOf(j + 1) === LineKind.Text) j++;
        this.runLast = j;
      }
      limit = lines[this.runLast]!.end;
    }
    if (this.open < 0) this.open = line.start;
    const { decision, terminals } = this;
    for (let at = terminals.next(line.start); at < line.end; at = terminals.next(at)) {
      if (text.charCodeAt(at) === 59 && !isGreekQuestionMark(text, at)) {
        at++; // an ordinary semicolon
        continue;
      }
      decide(text, at, Math.max(line.start, this.open), limit, decision);
      if (decision.boundary) {
        this.emit(this.open, decision.end, 'sentence');
        this.open = decision.next < limit ? decision.next : -1;
      }
      at = decision.end;
    }
    this.textEnd = line.end;
    if (this.open < 0 || this.open >= line.end) return;
    const isLastLineOfText = i === lines.length - 1;
    const whole = this.open === line.start;
    const headingLike = whole && !isLastLineOfText && looksLikeHeading(text, line.start, line.end);
    if (!nextIsText || !this.wrapped) {
      this.emit(this.open, line.end, headingLike ? 'heading' : 'sentence');
      this.open = -1;
    } else if (headingLike && this.deliberateBreak(line, lines[i + 1]!)) {
      this.emit(this.open, line.end, 'heading');
      this.open = -1;
    }
  }

  /**
   * In a wrapped paragraph, a headline-like line is a heading only if its break was the
   * author's: the next line's first word would have fitted within the wrap width, the line
   * does not end with a word that needs more, and the next line starts a sentence.
   */
  private deliberateBreak(line: Line, next: Line): boolean {
    const { text } = this;
    if (startsLowerCase(text, next)) return false;
    if (CONTINUATION_WORDS.has(lastWord(text, line.start, line.end))) return false;
    return line.end - line.start + 1 + firstWordLength(text, next) <= this.width;
  }

  private closeOpen(): void {
    if (this.open >= 0 && this.open < this.textEnd) this.emit(this.open, this.textEnd, 'sentence');
    this.open = -1;
  }

  private emit(start: number, end: number, kind: SegmentKind): void {
    const { text } = this;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) this.out.sentences.push({ text: text.slice(s, e), start: s, end: e, paragraph: this.index, kind });
  }
}
