/**
 * The crash test in its bounded form (npm test); `npm run test:crash` runs it at full
 * length (200 kills). CRASH_KILLS=<n> and CRASH_SEED=<n> change this run.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './harness';

const KILLS = Number(process.env.CRASH_KILLS ?? 40);
const SEED = Number(process.env.CRASH_SEED ?? 20261125);

const FOLDER_CHECK = /acknowledged edits are not in the file|data file is missing|cannot be loaded|recover from a damaged file|would have to recover/;

describe('crash test: SIGKILL at random moments', () => {
  it(`after each of ${KILLS} kills the file parses, passes the schema and holds every acknowledged edit`, { timeout: 240_000 }, async () => {
    const summary = await runCrashTest({ kills: KILLS, seed: SEED });
    expect(summary.failures).toEqual([]);
    expect(summary.kills).toBe(KILLS);
    // The kills landed while edits were being acknowledged, not only before or after.
    expect(summary.acknowledged).toBeGreaterThan(KILLS);
    expect(summary.onDisk).toBeGreaterThanOrEqual(summary.acknowledged);
    expect(summary.backups).toBeGreaterThan(1);
  });

  it('takes a kill that lands before the first start made the data folder', { timeout: 60_000 }, async () => {
    // Killed at once after each spawn: the first child has not made the folder yet.
    const summary = await runCrashTest({ kills: 2, seed: SEED, startupShare: 1, maxLifetimeMs: 0 });
    expect(summary.failures).toEqual([]);
    expect(summary.duringStartup).toBe(2);
    expect(summary.acknowledged).toBe(0);
  });

  it('catches a store that acknowledges edits before they are on disk', { timeout: 120_000 }, async () => {
    const summary = await runCrashTest({ kills: 15, seed: SEED, mode: 'lying', startupShare: 0 });
    expect(summary.failures.length).toBeGreaterThan(0);
    // Which check trips first depends on where the kill lands (lost edits, a missing file, a
    // file that does not load, journal records landing out of order), so any folder check
    // counts; but the child must not have died of something else.
    expect(summary.failures.some((failure) => FOLDER_CHECK.test(failure))).toBe(true);
    expect(summary.failures.filter((failure) => failure.includes('exited by itself'))).toEqual([]);
  });
});
