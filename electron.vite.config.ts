import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Every package is a devDependency and gets bundled into out/, so app.asar needs no node_modules.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Browser mode: the same services over HTTP, started by `npm run serve`.
          serve: resolve('electron/main/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Each preload is one self-contained file: a sandboxed preload cannot load chunks,
      // and browser.cjs runs as a plain <script> in browser mode.
      isolatedEntries: true,
      // browser.cjs is parsed before the app in every browser-mode load (see renderer below).
      minify: true,
      rollupOptions: {
        input: {
          index: resolve('electron/preload/index.ts'),
          browser: resolve('electron/preload/browser.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; parsing and compiling its 1.5 MB took
      // most of a cold start's first second (the page waits for all of it before it runs).
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
});
