import { describe, expect, it } from 'vitest';
import { segmentText, type SegmentKind } from './segmenter';
import { SAMPLE_ARTICLE } from '../domain/sample';

const texts = (input: string) => segmentText(input).sentences.map((s) => s.text);
const kinded = (input: string) => segmentText(input).sentences.map((s): [SegmentKind, string] => [s.kind, s.text]);

describe('segmentText: sentences', () => {
  it('splits the sample article into its sentences and paragraphs', () => {
    const { paragraphs, sentences } = segmentText(SAMPLE_ARTICLE.text);
    expect(paragraphs).toHaveLength(4);
    expect(sentences.map((s) => s.text)).toContain('Is the plan worth it?');
    expect(sentences).toHaveLength(8);
    expect(sentences.every((s) => s.kind === 'sentence')).toBe(true);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('does not split after titles, initials, e.g./i.e., months before a day or inside numbers', () => {
    expect(texts('Dr. Lee met Mr. J. R. Patel, e.g. at 9 a.m. on Jan. 5. Growth was 3.5% or $1.2bn, i.e. 1,000.50 each.')).toEqual([
      'Dr. Lee met Mr. J. R. Patel, e.g. at 9 a.m. on Jan. 5.',
      'Growth was 3.5% or $1.2bn, i.e. 1,000.50 each.',
    ]);
  });

  it('splits after U.S.-style abbreviations only before a common sentence starter', () => {
    expect(texts('The U.S. Senate voted. Growth slowed in the U.S. The next day markets fell.')).toEqual([
      'The U.S. Senate voted.',
      'Growth slowed in the U.S.',
      'The next day markets fell.',
    ]);
    expect(texts('Shares in Acme Inc. fell. He joined Vesta Inc. It failed. St. Albans is on Main St. But not for long.')).toEqual([
      'Shares in Acme Inc. fell.',
      'He joined Vesta Inc.',
      'It failed.',
      'St. Albans is on Main St.',
      'But not for long.',
    ]);
  });

  it('ends a.m./p.m. before a capitalised word that is not a weekday, month or time zone', () => {
    expect(texts('Polls close at 8 p.m. Results follow at 10 a.m. Tuesday. The count starts at 9 p.m. ET tonight.')).toEqual([
      'Polls close at 8 p.m.',
      'Results follow at 10 a.m. Tuesday.',
      'The count starts at 9 p.m. ET tonight.',
    ]);
  });

  it('reads No. as a number sign before a figure and as a word otherwise', () => {
    expect(texts('He lives at No. 10. Was it approved? No. The council refused.')).toEqual([
      'He lives at No. 10.',
      'Was it approved?',
      'No.',
      'The council refused.',
    ]);
  });

  it('ends an ellipsis only before a capital letter', () => {
    expect(texts('Prices might rise... or not. He paused… Then he spoke.')).toEqual(['Prices might rise... or not.', 'He paused…', 'Then he spoke.']);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(texts('He said "No." Then he left. (See page 3.) Next, the vote. She called it ‘historic’. Others did not.')).toEqual([
      'He said "No."',
      'Then he left.',
      '(See page 3.)',
      'Next, the vote.',
      'She called it ‘historic’.',
      'Others did not.',
    ]);
  });

  it('splits a quotation of several sentences into its sentences, and keeps a question with its attribution', () => {
    expect(texts('“We will not stop. We will win,” she said. "Why?" Ruiz asked. "Why?" she asked.')).toEqual([
      '“We will not stop.',
      'We will win,” she said.',
      '"Why?" Ruiz asked.',
      '"Why?" she asked.',
    ]);
  });

  it('never splits inside URLs or e-mail addresses', () => {
    expect(texts('See https://example.org/a.b?c=d now. Write to press@example.org. Done!')).toEqual([
      'See https://example.org/a.b?c=d now.',
      'Write to press@example.org.',
      'Done!',
    ]);
  });

  it('handles scripts without spaces, other terminal marks, emoji and astral characters', () => {
    expect(texts('他来了。然后走了！好吗？')).toEqual(['他来了。', '然后走了！', '好吗？']);
    expect(texts('यह सच है। वह गया। Είναι σωστό; Ναι. Совет утвердил бюджет. Мэр доволен.')).toEqual([
      'यह सच है।',
      'वह गया।',
      'Είναι σωστό;',
      'Ναι.',
      'Совет утвердил бюджет.',
      'Мэр доволен.',
    ]);
    expect(texts('We won! 🎉 Next up: 𝑥 = 3. Done.')).toEqual(['We won! 🎉', 'Next up: 𝑥 = 3.', 'Done.']);
  });
});

describe('segmentText: lines, paragraphs and kinds', () => {
  it('splits paragraphs at blank lines (with spaces, CRLF) and numbers them', () => {
    const text = 'One. Two.\r\n \t\r\nThree.\n\n\n\nFour.';
    const { paragraphs, sentences } = segmentText(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['One. Two.', 'Three.', 'Four.']);
    expect(sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'One.'],
      [0, 'Two.'],
      [1, 'Three.'],
      [2, 'Four.'],
    ]);
  });

  it('treats a single line break in a wrapped paragraph as a space', () => {
    expect(texts('The council voted on Tuesday to build new\nbus lanes by 2028. The mayor said the lanes\nwould cut commute times.')).toEqual([
      'The council voted on Tuesday to build new\nbus lanes by 2028.',
      'The mayor said the lanes\nwould cut commute times.',
    ]);
    expect(texts('Dr. Lee arrived at 9 a.m.\non Monday.')).toEqual(['Dr. Lee arrived at 9 a.m.\non Monday.']);
  });

  it('ends a segment at every line end of a paragraph whose lines are the author’s (pasted from a page)', () => {
    expect(kinded('The vote passed.\nThe mayor left\nCritics disagreed.')).toEqual([
      ['sentence', 'The vote passed.'],
      ['heading', 'The mayor left'],
      ['sentence', 'Critics disagreed.'],
    ]);
  });

  it('marks short unpunctuated lines as headings, but not the text’s last line', () => {
    expect(kinded('Council approves bus lanes\n\nThe vote was 7 to 2.\nWhat happens next\nWork starts in May.\nResidents can comment until March 31')).toEqual([
      ['heading', 'Council approves bus lanes'],
      ['sentence', 'The vote was 7 to 2.'],
      ['heading', 'What happens next'],
      ['sentence', 'Work starts in May.'],
      ['sentence', 'Residents can comment until March 31'],
    ]);
    expect(kinded('## Background\nIt began in 2019.')).toEqual([
      ['heading', 'Background'],
      ['sentence', 'It began in 2019.'],
    ]);
  });

  it('finds a heading above a hard-wrapped paragraph by the wrap width', () => {
    const text = 'New lanes\nThe council voted on Tuesday to build twelve kilometres of new\nbus lanes by 2028, at a cost of $48 million. Work starts in May.';
    expect(kinded(text).map(([kind]) => kind)).toEqual(['heading', 'sentence', 'sentence']);
  });

  it('makes each bullet line (with its continuation lines) one list item, without its marker', () => {
    const text = 'The plan includes:\n- new bus lanes\n  by 2028. And more.\n* more buses\n• longer hours\n1. Cut costs.\n2) Hire staff\n(a) review';
    expect(kinded(text)).toEqual([
      ['sentence', 'The plan includes:'],
      ['list-item', 'new bus lanes\n  by 2028. And more.'],
      ['list-item', 'more buses'],
      ['list-item', 'longer hours'],
      ['list-item', 'Cut costs.'],
      ['list-item', 'Hire staff'],
      ['list-item', 'review'],
    ]);
  });

  it('marks page clutter lines, and leaves sentences that only mention such things', () => {
    const text = [
      'By Jane Doe and John Roe, Staff writers',
      'Updated 3 hours ago',
      'The council voted on Tuesday.',
      'Advertisement',
      'Share this article',
      '(Photo by Jane Doe / Getty Images)',
      'We use cookies to improve your experience. Accept all cookies',
      'Comments (12)',
      'Share prices fell 4% on Tuesday.',
      'We use cookies from the bakery next door, the owner said.',
    ].join('\n');
    expect(kinded(text).map(([kind]) => kind)).toEqual([
      'clutter',
      'clutter',
      'sentence',
      'clutter',
      'clutter',
      'clutter',
      'clutter',
      'clutter',
      'sentence',
      'sentence',
    ]);
  });

  it('gives exact offsets into the original text, even with CRLF and astral characters', () => {
    const text = '\uFEFF  🎉 Héllo wörld. 𝐀 is 3.\r\n\r\n- item one\r\n“Quote.” Done';
    const { sentences } = segmentText(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.text)).toEqual(['🎉 Héllo wörld.', '𝐀 is 3.', 'item one', '“Quote.”', 'Done']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segmentText('')).toEqual({ paragraphs: [], sentences: [] });
    expect(segmentText(' \n\t\r\n ')).toEqual({ paragraphs: [], sentences: [] });
  });
});
