/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run (starting one
 * costs ~2 s); tests make their own databases on it with createTestDatabase(inject('postgresUrl')).
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './throwaway-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startThrowawayCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
