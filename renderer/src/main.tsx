import '../../shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { App } from './components/App';
import { createAppStore } from './store/app-store';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

// The preload (or browser mode's bridge script) provides window.factcheck; without it no data can load.
if (typeof window.factcheck === 'undefined') {
  root.render(
    <div className="load-problem" role="alert">
      <h1>Fact-check Desk cannot reach its data</h1>
      <p>This page was opened without the app’s bridge. Start it with “npm start”, or “npm run serve” for browser mode.</p>
    </div>,
  );
} else {
  const store = createAppStore(createClient(window.factcheck));
  // Before the first render, not from App's effect: the preload has already asked for the
  // data, and the app can show the workspace in its first render instead of a "loading" one.
  void store.getState().load();
  root.render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
