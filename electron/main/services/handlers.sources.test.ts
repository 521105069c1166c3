import { describe, expect, it } from 'vitest';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, expectRefused, TestClock, value, withApi, type Call } from './test-helpers';

const setup = async (call: Call) => (await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS)).ids;

describe('the source library', () => {
  it('adds a source with every field, the accessed time and its archive link', async () => {
    const clock = new TestClock();
    await withApi(
      async (call) => {
        const [a] = await setup(call);
        const { source, claim } = value(
          await call('addSource', {
            claimId: a,
            stance: 'refutes',
            source: {
              url: 'https://stats.example/labour?month=may',
              title: 'Labour market, May',
              publisher: 'Statistics Office',
              author: 'J. Doe',
              publishedDate: '2026-06-01',
              excerpt: 'The rate was 4.3%.',
              type: 'official_data',
              notes: 'Seasonally adjusted series.',
            },
          }),
        );
        expect(source).toMatchObject({
          url: 'https://stats.example/labour?month=may',
          author: 'J. Doe',
          type: 'official_data',
          notes: 'Seasonally adjusted series.',
          accessedAt: '2026-11-25T10:00:00.000Z',
          // Nothing was archived: no snapshot link is made up from the date.
          archive: { state: 'none' },
          copies: [],
        });
        expect(claim.sources).toEqual([{ sourceId: source.id, stance: 'refutes' }]);
        // Only the address and title are needed; the rest is defaulted.
        const bare = value(await call('addSource', { claimId: a, stance: 'context', source: { url: 'http://b.example', title: 'B' } })).source;
        expect(bare).toMatchObject({ publisher: '', author: '', publishedDate: null, excerpt: '', type: 'other', notes: '' });
      },
      { now: clock.now },
    );
  });

  it('reuses the library entry for the same address written differently, keeping its first accessed date', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const [a, b, c] = await setup(call);
        const first = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://example.org/a', title: 'A' } })).source;
        clock.advance(3_600_000);
        const variants = ['https://example.org/a?utm_source=x', 'HTTPS://Example.org/a/', 'https://example.org:443/a#top'];
        const ids = [b, c];
        for (const [i, url] of variants.slice(0, 2).entries()) {
          const { source } = value(await call('addSource', { claimId: ids[i]!, stance: 'refutes', source: { url, title: 'A again' } }));
          expect(source).toEqual(first);
        }
        expect(store.data.sources).toHaveLength(1);
        expect(store.data.sources[0]!.accessedAt).toBe('2026-11-25T10:00:00.000Z');
        // Already cited by this claim, whatever the spelling.
        await expectRefused(call, store, 'addSource', { claimId: a, stance: 'supports', source: { url: variants[2], title: 'A' } }, 'conflict', 'This claim already cites https://example.org/a.');
        // Another path is another source.
        value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://example.org/A', title: 'Capital A' } }));
        expect(store.data.sources).toHaveLength(2);
      },
      { now: clock.now },
    );
  });

  it('refuses anything but a web address, saying so', async () => {
    await withApi(async (call, store) => {
      const [a] = await setup(call);
      for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/a', 'example.org/a', 'data:text/html,hi']) {
        await expectRefused(call, store, 'addSource', { claimId: a, stance: 'supports', source: { url, title: 'X' } }, 'invalid_input', /must be a web address starting with http:\/\/ or https:\/\//);
      }
      await expectRefused(call, store, 'addSource', { claimId: a, stance: 'supports', source: { url: 'https://a.example', title: 'X', type: 'blog' } }, 'invalid_input', /type/);
    });
  });

  it('cites a library source on another claim, once', async () => {
    await withApi(async (call, store) => {
      const [a, b] = await setup(call);
      const { source } = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://example.org/a', title: 'Table A' } }));
      const linked = value(await call('linkSource', { claimId: b, sourceId: source.id, stance: 'context' }));
      expect(linked.sources).toEqual([{ sourceId: source.id, stance: 'context' }]);
      expect(store.history().undoLabel).toBe('Cite source');
      await expectRefused(call, store, 'linkSource', { claimId: b, sourceId: source.id, stance: 'refutes' }, 'conflict', 'This claim already cites “Table A” (https://example.org/a).');
      await expectRefused(call, store, 'linkSource', { claimId: b, sourceId: 'missing000', stance: 'refutes' }, 'not_found', 'There is no source with id missing000 in the library.');
      await expectRefused(call, store, 'linkSource', { claimId: 'missing000', sourceId: source.id, stance: 'refutes' }, 'not_found', /no claim with id missing000/);
    });
  });

  it('edits a library source for every claim citing it, recorded in each claim’s history', async () => {
    await withApi(async (call, store) => {
      const [a, b, c] = await setup(call);
      value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
      const { source } = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://example.org/a', title: 'Table A' } }));
      value(await call('linkSource', { claimId: b, sourceId: source.id, stance: 'refutes' }));
      const edited = value(await call('updateSource', { id: source.id, patch: { title: 'Table A (revised)', type: 'primary', notes: 'Checked twice.' } }));
      expect(edited).toMatchObject({ id: source.id, url: 'https://example.org/a', title: 'Table A (revised)', type: 'primary', notes: 'Checked twice.' });
      expect(store.data.sources).toEqual([edited]);
      expect(store.history().undoLabel).toBe('Edit source');
      for (const id of [a, b]) {
        const entries = value(await call('getClaimHistory', { claimId: id })).filter((e) => e.action === 'Edit source');
        expect(entries.map((e) => [e.field, e.from, e.to, e.by])).toEqual([
          ['source title', 'Table A', 'Table A (revised)', 'Al'],
          ['source type', 'Other', 'Primary document', 'Al'],
          ['source notes', null, 'Checked twice.', 'Al'],
        ]);
      }
      expect(value(await call('getClaimHistory', { claimId: c })).some((e) => e.action === 'Edit source')).toBe(false);
      await expectRefused(call, store, 'updateSource', { id: source.id, patch: { url: 'https://other.example' } }, 'invalid_input', /Unrecognized key/i);
      await expectRefused(call, store, 'updateSource', { id: source.id, patch: { title: '' } }, 'invalid_input', /title cannot be empty/);
      await expectRefused(call, store, 'updateSource', { id: 'missing000', patch: { title: 'X' } }, 'not_found', /no source with id missing000/);
    });
  });
});
