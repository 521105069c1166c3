/**
 * Shared setup of the table and board tests: the app store over a real test bridge, loaded
 * and switched to a view, the centre pane rendered under the store and command providers,
 * and real claims made from the sample article's sentences.
 */
import { act, render } from '@testing-library/react';
import type { Claim, ViewSettings } from '../../shared/domain/schemas';
import { segmentText } from '../../shared/text/segmenter';
import { createClient } from '../src/api/client';
import { CommandsProvider } from '../src/commands/react';
import { CommandRegistry } from '../src/commands/registry';
import { createAppStore, type AppStore } from '../src/store/app-store';
import { StoreProvider } from '../src/store/react';
import { createTestBridge, type TestBridge } from './bridge';
import { CenterPane } from '../src/views/CenterPane';

export interface ViewsSetup {
  t: TestBridge;
  store: AppStore;
  registry: CommandRegistry;
}

/** A loaded app store in `mode`, over a fresh test bridge (dispose `t` afterwards). */
export async function setUpViews(mode: ViewSettings['mode']): Promise<ViewsSetup> {
  const t = await createTestBridge();
  const store = createAppStore(createClient(t.bridge));
  await store.getState().load();
  store.getState().setViewMode(mode);
  return { t, store, registry: new CommandRegistry() };
}

export function renderViews({ store, registry }: Pick<ViewsSetup, 'store' | 'registry'>) {
  return render(
    <StoreProvider store={store}>
      <CommandsProvider registry={registry}>
        <CenterPane />
      </CommandsProvider>
    </StoreProvider>,
  );
}

/** Saves claims on the sample article's 2nd to (n+1)th sentences, in one call. */
export async function saveClaims(store: AppStore, n: number): Promise<Claim[]> {
  const article = store.getState().workspace!.articles[0]!;
  const spans = segmentText(article.text)
    .sentences.slice(1, n + 1)
    .map(({ start, end }) => ({ start, end }));
  let claims: Claim[] = [];
  await act(async () => {
    claims = await store.getState().createClaims(article.id, spans);
  });
  return claims;
}
