import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizeUrl, sameSource, waybackTimestamp } from './url';

describe('normalizeUrl', () => {
  const cases: [string, string][] = [
    ['https://example.org/a', 'https://example.org/a'],
    ['HTTPS://Example.ORG/a/', 'https://example.org/a'],
    ['https://example.org/a/?utm_source=x', 'https://example.org/a'],
    ['https://example.org/a?utm_source=x&utm_medium=email&UTM_Campaign=c', 'https://example.org/a'],
    ['https://example.org/a?id=3&fbclid=abc&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&ref_src=twsrc', 'https://example.org/a?id=3'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?a=1&b=2'],
    ['https://example.org/a?utm%5Fsource=x&q=1', 'https://example.org/a?q=1'],
    ['https://example.org/a#section-2', 'https://example.org/a'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['http://example.org:8080/a', 'http://example.org:8080/a'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/', 'https://example.org/'],
    ['https://example.org//', 'https://example.org/'],
    ['https://example.org/Reports/2026.PDF', 'https://example.org/Reports/2026.PDF'],
    ['https://example.org/a/b/../c/', 'https://example.org/a/c'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://example.org/search?q=Caf%C3%A9&page=2', 'https://example.org/search?page=2&q=Caf%C3%A9'],
    // Not http(s): returned as it was (the schema refuses these before they get here).
    ['ftp://example.org/a/', 'ftp://example.org/a/'],
    ['not a url', 'not a url'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps the path case and http apart from https', () => {
    expect(sameSource('https://example.org/A', 'https://example.org/a')).toBe(false);
    expect(sameSource('http://example.org/a', 'https://example.org/a')).toBe(false);
    expect(sameSource('HTTPS://Example.org/a/', 'https://example.org/a?utm_source=x#top')).toBe(true);
  });

  it('knows the tracking parameters', () => {
    for (const name of ['utm_source', 'UTM_MEDIUM', 'utm_anything', 'fbclid', 'gclid', 'msclkid', 'mc_eid', 'igshid', 'ref_src']) {
      expect(isTrackingParam(name), name).toBe(true);
    }
    for (const name of ['id', 'q', 'page', 'ref', 'utm', 'source']) expect(isTrackingParam(name), name).toBe(false);
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{0,8}$/).filter((s) => s !== '.' && s !== '..' && !/%(?![0-9A-F]{2})/.test(s));
  const param = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), fc.stringMatching(/^[A-Za-z0-9-]{0,6}$/)).map(([k, v]) => `${k}=${v}`);
  const tracking = fc
    .tuple(fc.constantFrom('utm_source', 'utm_medium', 'UTM_Campaign', 'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'ref_src'), fc.stringMatching(/^[A-Za-z0-9]{0,6}$/))
    .map(([k, v]) => `${k}=${v}`);
  const url = fc
    .record({
      scheme: fc.constantFrom('http', 'https', 'HTTP', 'Https'),
      host: fc.constantFrom('example.org', 'Example.ORG', 'news.example.com', 'sub.Data.example', '127.0.0.1'),
      port: fc.constantFrom('', ':80', ':443', ':8080'),
      path: fc.array(segment, { maxLength: 4 }),
      slash: fc.boolean(),
      params: fc.array(param, { maxLength: 4 }),
      fragment: fc.option(fc.stringMatching(/^[a-z0-9-]{0,8}$/), { nil: undefined }),
    })
    .map(({ scheme, host, port, path, slash, params, fragment }) => {
      const query = params.length ? `?${params.join('&')}` : '';
      return `${scheme}://${host}${port}/${path.join('/')}${slash ? '/' : ''}${query}${fragment === undefined ? '' : `#${fragment}`}`;
    });

  it('normalizing twice gives what normalizing once gives (property)', () => {
    fc.assert(
      fc.property(url, (u) => {
        const once = normalizeUrl(u);
        expect(normalizeUrl(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('tracking parameters, wherever they are, never change what a URL normalizes to (property)', () => {
    fc.assert(
      fc.property(url, fc.array(tracking, { minLength: 1, maxLength: 4 }), fc.nat(), (u, extra, at) => {
        const [withoutFragment, fragment] = u.split('#') as [string, string | undefined];
        const [base, query = ''] = withoutFragment.split('?') as [string, string | undefined];
        const params = query ? query.split('&') : [];
        params.splice(at % (params.length + 1), 0, ...extra);
        const tracked = `${base}?${params.join('&')}${fragment === undefined ? '' : `#${fragment}`}`;
        expect(normalizeUrl(tracked)).toBe(normalizeUrl(u));
      }),
      { numRuns: 500 },
    );
  });

  it('scheme and host case, default ports, trailing slashes and fragments never change it either (property)', () => {
    fc.assert(
      fc.property(url, (u) => {
        const [beforeFragment] = u.split('#') as [string];
        const [base, query] = beforeFragment.split('?') as [string, string | undefined];
        const variant = `${base.replace(/^[a-z]+:\/\/[^/]+/i, (origin) => origin.toUpperCase())}${base.endsWith('/') ? '' : '/'}${query === undefined ? '' : `?${query}`}#x`;
        expect(normalizeUrl(variant)).toBe(normalizeUrl(u));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Wayback timestamps', () => {
  it('writes an instant as the archive’s 14 digits, in UTC (the availability API asks with it)', () => {
    expect(waybackTimestamp('2026-11-25T10:04:09.123Z')).toBe('20261125100409');
    expect(waybackTimestamp('2026-11-25T01:30:00+02:00')).toBe('20261124233000');
    expect(() => waybackTimestamp('yesterday')).toThrow(RangeError);
  });
});
