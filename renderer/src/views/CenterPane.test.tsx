import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentText } from '../../../shared/text/segmenter';
import { createClient } from '../api/client';
import { App } from '../components/App';
import { createAppStore, type AppStore } from '../store/app-store';
import { createTestBridge, type TestBridge } from '../../test/bridge';

describe('view tabs in the whole app', () => {
  let t: TestBridge;
  let store: AppStore;
  const state = () => store.getState();

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge));
  });
  afterEach(() => t.dispose());

  const tab = (name: string) => within(screen.getByRole('tablist', { name: 'Claim views' })).getByRole('tab', { name });

  it('switches between Article, Table and Board by click and by arrow keys, and keeps the choice', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    expect(await screen.findByRole('main', { name: 'Article' })).toBeTruthy();
    expect(within(screen.getByRole('tablist', { name: 'Claim views' })).getAllByRole('tab').map((el) => el.textContent)).toEqual([
      'Article',
      'Table',
      'Board',
    ]);
    expect(tab('Article').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab('Article').id);

    // No claims yet: the table teaches where they come from.
    await user.click(tab('Table'));
    expect(tab('Table').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('main', { name: 'All claims' })).toBeTruthy();
    expect(screen.getByText('No claims yet')).toBeTruthy();
    await waitFor(() => expect(t.store.data.settings.view.mode).toBe('table'));

    // Arrow keys move the selection (and the focus) along the tabs, wrapping round.
    await user.keyboard('{ArrowRight}');
    expect(tab('Board').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('Board'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Article'));
    expect(screen.getByRole('main', { name: 'Article' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(tab('Board').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(t.store.data.settings.view.mode).toBe('board'));
    // Only the chosen tab is in the tab order.
    expect([tab('Article').tabIndex, tab('Table').tabIndex, tab('Board').tabIndex]).toEqual([-1, -1, 0]);

    await user.click(screen.getByRole('button', { name: 'Go to the article' }));
    expect(tab('Article').getAttribute('aria-selected')).toBe('true');

    // The view commands' shortcuts (Ctrl/Cmd+Shift+T, B, A).
    const mod = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'Meta' : 'Control';
    await user.keyboard(`{${mod}>}{Shift>}t{/Shift}{/${mod}}`);
    expect(tab('Table').getAttribute('aria-selected')).toBe('true');
    await user.keyboard(`{${mod}>}{Shift>}b{/Shift}{/${mod}}`);
    expect(tab('Board').getAttribute('aria-selected')).toBe('true');
    await user.keyboard(`{${mod}>}{Shift>}a{/Shift}{/${mod}}`);
    expect(tab('Article').getAttribute('aria-selected')).toBe('true');
  });

  it('opens a claim from the table in the claim pane, next to the table', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    await screen.findByRole('main', { name: 'Article' });
    const article = state().workspace!.articles[0]!;
    const sentence = segmentText(article.text).sentences[1]!;
    await act(() => state().createClaims(article.id, [{ start: sentence.start, end: sentence.end }]).then(() => undefined));
    act(() => state().selectArticle(null));

    await user.click(tab('Table'));
    const grid = screen.getByRole('grid', { name: 'Claims table' });
    const claim = state().workspace!.claims[0]!;
    await user.click(within(grid).getByText(claim.text));
    const pane = screen.getByRole('complementary', { name: 'Claim' });
    expect(within(pane).getByRole('blockquote').textContent).toBe(claim.quote.exact);
    expect(tab('Table').getAttribute('aria-selected')).toBe('true');
  });
});
