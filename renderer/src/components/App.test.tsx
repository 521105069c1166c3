import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../api/client';
import { createAppStore, type AppStore } from '../store/app-store';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { App } from './App';

const SAMPLE_TITLE = 'Riverton council approves new bus lanes';
const FIRST_SENTENCE = 'Riverton city council voted 7 to 2 on Tuesday to build 12 kilometres of new bus lanes by 2028.';

describe('<App> over a real test bridge', () => {
  let t: TestBridge;
  let store: AppStore;

  beforeEach(async () => {
    t = await createTestBridge();
    // Long enough that "Saving…" is reliably visible right after typing, even on a busy machine.
    store = createAppStore(createClient(t.bridge), { autosaveDelayMs: 200 });
  });
  afterEach(() => t.dispose());

  const status = () => within(screen.getByRole('contentinfo')).getByRole('status');

  it('picks the sample article, accepts a suggested sentence as a claim, changes its status and shows "Saved"', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);

    const articles = await screen.findByRole('navigation', { name: 'Articles' });
    await user.click(within(articles).getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) }));
    const main = screen.getByRole('main', { name: 'Article' });
    expect(within(main).getByRole('heading', { level: 2, name: SAMPLE_TITLE })).toBeTruthy();
    expect(screen.getByText(t.store.file, { exact: false })).toBeTruthy();

    await user.click(within(main).getByRole('button', { name: 'Find claims' }));
    const sentences = within(main).getByRole('list', { name: 'Sentences' });
    const first = within(sentences).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain(FIRST_SENTENCE);
    await user.click(within(first).getByRole('button', { name: 'Accept' }));

    // The sentence is now marked as a claim, listed under the text and open in the claim pane.
    expect(await within(first).findByText('Claim')).toBeTruthy();
    expect(within(first).queryByRole('button', { name: 'Accept' })).toBeNull();
    const claimList = within(main).getByRole('list', { name: 'Claims in this article' });
    expect(within(claimList).getByRole('button', { name: new RegExp('Riverton city council voted') })).toBeTruthy();
    const pane = screen.getByRole('complementary', { name: 'Claim' });
    expect(within(pane).getByRole('blockquote').textContent).toBe(FIRST_SENTENCE);

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Status' }), 'Researching');
    await waitFor(() => expect(status().textContent).toBe('Saved'));
    expect(t.store.data.claims[0]!.status).toBe('researching');
    const quote = t.store.data.claims[0]!.quote;
    expect(t.store.data.articles[0]!.text.slice(quote.start, quote.end)).toBe(FIRST_SENTENCE);
  });

  it('autosaves the wording, adds a source, refuses a bad URL next to the field, and saves a verdict', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    await user.click(await screen.findByRole('button', { name: 'Find claims' }));
    await user.click(screen.getAllByRole('button', { name: 'Accept' })[1]!);
    const pane = screen.getByRole('complementary', { name: 'Claim' });

    const wording = await within(pane).findByRole('textbox', { name: 'Claim wording' });
    await user.clear(wording);
    await user.type(wording, 'Bus lanes will cut commutes by 15 minutes');
    expect(status().textContent).toBe('Saving…');
    await waitFor(() => expect(t.store.data.claims[0]!.text).toBe('Bus lanes will cut commutes by 15 minutes'));
    await waitFor(() => expect(status().textContent).toBe('Saved'));

    await user.type(within(pane).getByRole('textbox', { name: 'Source URL' }), 'javascript:alert(1)');
    await user.type(within(pane).getByRole('textbox', { name: 'Source title' }), 'Evil');
    await user.click(within(pane).getByRole('button', { name: 'Add source' }));
    expect(await within(pane).findByText('must be a web address starting with http:// or https://')).toBeTruthy();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(status().textContent).toContain('must be a web address');
    expect(t.store.data.sources).toHaveLength(0);

    const url = within(pane).getByRole('textbox', { name: 'Source URL' });
    await user.clear(url);
    await user.type(url, 'https://example.org/transport-report');
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Stance' }), 'Refutes');
    // A local copy is kept by default; this test has no page to read (and reaches no network).
    const keepCopy = within(pane).getByRole('checkbox', { name: 'Keep a local copy of the page' });
    expect(keepCopy).toHaveProperty('checked', true);
    await user.click(keepCopy);
    await user.click(within(pane).getByRole('button', { name: 'Add source' }));
    const sources = await within(pane).findByRole('list', { name: 'Sources of this claim' });
    expect(within(sources).getByRole('combobox', { name: 'Stance for Evil' })).toHaveProperty('value', 'refutes');
    // Nothing was archived: the row says so, and links no snapshot.
    expect(within(sources).getByText('Not archived')).toBeTruthy();
    expect(within(sources).queryByRole('button', { name: /archived snapshot/ })).toBeNull();
    expect(t.store.data.sources[0]!.copies).toEqual([]);
    await user.click(within(sources).getByRole('button', { name: 'Evil' }));
    await waitFor(() => expect(t.opened).toEqual(['https://example.org/transport-report']));

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Rating' }), 'Mostly false');
    await user.type(within(pane).getByRole('textbox', { name: 'Conclusion' }), 'The department’s own study says 4 minutes.');
    await user.click(within(pane).getByRole('button', { name: 'Save verdict' }));
    await waitFor(() => expect(within(pane).getByText('Current verdict:')).toBeTruthy());
    expect(within(pane).getByText('Mostly false', { selector: 'strong' })).toBeTruthy();
    expect(t.store.data.claims[0]!.verdict?.ratingId).toBe('mostly-false');
  });

  it('creates an article from the dialog and deletes it with Undo', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    await user.click(await screen.findByRole('button', { name: 'New article' }));
    const dialog = screen.getByRole('dialog', { name: 'New article' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Minister interview');
    await user.type(within(dialog).getByRole('textbox', { name: 'Article text' }), 'Unemployment is at 4%. It was 6% a year ago.');
    await user.click(within(dialog).getByRole('button', { name: 'Add article' }));
    const main = screen.getByRole('main', { name: 'Article' });
    expect(await within(main).findByRole('heading', { level: 2, name: 'Minister interview' })).toBeTruthy();

    await user.click(within(main).getByRole('button', { name: 'Delete article' }));
    await waitFor(() => expect(t.store.data.articles.map((a) => a.title)).toEqual([SAMPLE_TITLE]));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(t.store.data.articles.map((a) => a.title)).toContain('Minister interview'));
    expect(await within(main).findByRole('heading', { level: 2, name: 'Minister interview' })).toBeTruthy();
  });

  /** Selects `phrase` inside the rendered paragraph that contains it. */
  /** Selects `phrase` in the article text, which may span several text nodes (highlights). */
  const selectInText = (main: HTMLElement, phrase: string) => {
    const paragraph = within(main).getByText((_, el) => el?.tagName === 'P' && el.hasAttribute('data-offset') && el.textContent!.includes(phrase));
    const from = paragraph.textContent!.indexOf(phrase);
    const pointAt = (index: number): [Node, number] => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (index <= seen + length) return [node, index - seen];
        seen += length;
      }
      throw new Error(`offset ${index} is outside the paragraph`);
    };
    const range = document.createRange();
    range.setStart(...pointAt(from));
    range.setEnd(...pointAt(from + phrase.length));
    act(() => {
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
  };

  it('makes claims from a text selection, by button and by pressing C, with exact offsets', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    const main = await screen.findByRole('main', { name: 'Article' });

    selectInText(main, 'cut average commute times by 15 minutes');
    await user.click(within(main).getByRole('button', { name: 'Claim from selection' }));
    expect(await within(main).findByRole('list', { name: 'Claims in this article' })).toBeTruthy();

    selectInText(main, 'The project will cost $48 million');
    // Focus is in the new claim's wording: leave it, as an editor would, before the shortcut.
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await user.keyboard('c');
    await waitFor(() => expect(t.store.data.claims).toHaveLength(2));

    const text = t.store.data.articles[0]!.text;
    for (const { quote } of t.store.data.claims) expect(text.slice(quote.start, quote.end)).toBe(quote.exact);
    expect(t.store.data.claims.map((c) => c.quote.exact)).toEqual(['cut average commute times by 15 minutes', 'The project will cost $48 million']);
    // Both are listed under the text, in article order (once the answer reached the UI).
    const list = within(main).getByRole('list', { name: 'Claims in this article' });
    await waitFor(() =>
      expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
        expect.stringContaining('cut average'),
        expect.stringContaining('$48 million'),
      ]),
    );
  });
});
