import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One project per layer, each in the environment that layer really runs in.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts'] } },
      // The team server's tests run against a real PostgreSQL: one throwaway cluster per run.
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['scripts/postgres/vitest-setup.ts'],
        },
      },
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
