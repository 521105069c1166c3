import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One project per layer, each in the environment that layer really runs in.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts'] } },
      { test: { name: 'electron', environment: 'node', include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test/setup.ts'],
        },
      },
    ],
  },
});
