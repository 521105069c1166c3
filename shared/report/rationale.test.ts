import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseRationale, webHref } from './rationale';

const text = (t: string) => ({ kind: 'text', text: t });

describe('parseRationale', () => {
  it('understands paragraphs, line breaks, lists and headings (as bold paragraphs)', () => {
    const blocks = parseRationale('## Background\nFirst line\nsecond line\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\nEnd.');
    expect(blocks).toEqual([
      { kind: 'paragraph', children: [{ kind: 'strong', children: [text('Background')] }] },
      { kind: 'paragraph', children: [text('First line'), { kind: 'break' }, text('second line')] },
      { kind: 'list', ordered: false, start: 1, items: [[text('one')], [text('two'), { kind: 'break' }, text('continued')]] },
      { kind: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
      { kind: 'paragraph', children: [text('End.')] },
    ]);
  });

  it('parses strong, emphasis, code and http(s) links; snake_case and lone stars stay text', () => {
    expect(parseInline('**bold** and *em* and __b__ _e_ `x<y` [site](https://a.example/p?q=1) <http://b.example>')).toEqual([
      { kind: 'strong', children: [text('bold')] },
      text(' and '),
      { kind: 'em', children: [text('em')] },
      text(' and '),
      { kind: 'strong', children: [text('b')] },
      text(' '),
      { kind: 'em', children: [text('e')] },
      text(' '),
      { kind: 'code', text: 'x<y' },
      text(' '),
      { kind: 'link', href: 'https://a.example/p?q=1', children: [text('site')] },
      text(' '),
      { kind: 'link', href: 'http://b.example/', children: [text('http://b.example')] },
    ]);
    expect(parseInline('snake_case_name 2 * 3 = 6 \\*not em\\*')).toEqual([text('snake_case_name 2 * 3 = 6 *not em*')]);
  });

  it('never makes a link of another scheme: the source text stays as it was', () => {
    for (const payload of ['[x](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '<javascript:alert(1)>', '[x](vbscript:msgbox)', '[x](//evil.example)']) {
      const nodes = parseRationale(payload).flatMap((b) => (b.kind === 'paragraph' ? b.children : []));
      expect(nodes.some((n) => n.kind === 'link'), payload).toBe(false);
      expect(inlineText(nodes)).toBe(payload);
    }
  });

  it('keeps raw HTML as text', () => {
    expect(parseRationale('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', children: [text('<script>alert(1)</script> <img src=x onerror=alert(1)>')] },
    ]);
  });

  it('webHref accepts absolute http(s) addresses only', () => {
    expect(webHref(' https://a.example/x ')).toBe('https://a.example/x');
    expect(webHref('HTTP://A.example')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', 'data:,x', 'ftp://a.example', '/relative', 'not a url', 'java\nscript:alert(1)']) expect(webHref(bad), bad).toBeNull();
  });

  it('inlineText gives links as label and address', () => {
    expect(inlineText(parseInline('See [the table](https://s.example/t) and <https://s.example/>.'))).toBe(
      'See the table (https://s.example/t) and https://s.example/.',
    );
  });
});
