import { describe, expect, it } from 'vitest';
import { SseParser, type ServerEvent } from './sse-parser';

function parse(...chunks: string[]): ServerEvent[] {
  const events: ServerEvent[] = [];
  const parser = new SseParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  return events;
}

describe('the Server-Sent Events parser', () => {
  it('reads events split anywhere across chunks, keeping the last id', () => {
    expect(parse('retry: 2000\n\nid: 3\nevent: chan', 'ge\ndata: {"a":1}\n', '\n: ping\n\nevent: up-to-date\ndata: {}\n\n')).toEqual([
      { event: 'change', data: '{"a":1}', id: '3' },
      { event: 'up-to-date', data: '{}', id: '3' },
    ]);
  });

  it('joins data lines, defaults the event name, and takes CR LF line ends', () => {
    expect(parse('data: one\r\ndata:two\r\n\r\n')).toEqual([{ event: 'message', data: 'one\ntwo', id: null }]);
  });

  it('holds an event back until its blank line comes', () => {
    expect(parse('event: change\ndata: x\n')).toEqual([]);
  });
});
