/**
 * Property-based fuzzing of every API method through `dispatch`, the one entry point IPC
 * and browser mode both call, over the real service handlers on a real store in a temp
 * folder (and the Electron host handlers over the faked electron module). Inputs are
 * generated from the contract's zod schemas: valid-shaped ones with boundary values, the
 * same with hostile values and wrong keys at any depth, and anything at all.
 *
 * For every call: an ApiResult comes back (nothing throws); a success matches the
 * contract's result schema; a refusal has a code and a readable message, and is never
 * `internal`; after a refusal the data file's bytes, the workspace in memory, the audit log
 * and the undo history are exactly as before; Object.prototype is never polluted.
 *
 * Deterministic by default (FUZZ_SEED=<n> to choose the seed, FUZZ_SEED=random for a new
 * one each run; FUZZ_RUNS=<n> per method for a longer session).
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from '../shell/fake-electron';
import { contract, METHOD_NAMES, type Handlers, type MethodName } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { API_ERROR_CODES, type ApiResult } from '../../../shared/api/result';
import { createServiceHandlers } from '../services/handlers/index';
import { webImports } from '../services/import/index';
import type { LowdbWorkspaceStore } from '../services/store';
import { anyValue, arbitraryFor, HOSTILE_STRINGS } from './fuzz-support';
import { createSeed, OFFLINE_URL_POOL, openCopy, type Seed } from './seed';
import { storedBytes } from '../services/test-stored';

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
const { createHostHandlers } = await import('../shell/host-handlers');

const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 250);
const UNKNOWN_METHOD_RUNS = 500;
const ANY_METHOD_RUNS = 1_000;
const TOTAL_RUNS = RUNS_PER_METHOD * METHOD_NAMES.length + UNKNOWN_METHOD_RUNS + ANY_METHOD_RUNS;
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261125);

/** What a refusal of bad input may be: never `internal` (a bug), never `unknown_method` for a declared method. */
const INPUT_REFUSALS = ['invalid_input', 'not_found', 'conflict', 'forbidden'];

let seed: Seed;
const counts = { calls: 0, refused: 0, accepted: 0 };
const started = Date.now();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

beforeAll(async () => {
  seed = await createSeed();
});

afterAll(async () => {
  await seed.remove();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`API fuzz: ${counts.calls.toLocaleString('en')} calls (${counts.refused.toLocaleString('en')} refused, ${counts.accepted.toLocaleString('en')} accepted) over ${METHOD_NAMES.length} methods in ${seconds} s, seed ${SEED}`);
});

/** The service handlers on `store` and the desktop's host handlers with the dialog cancelled (it records what it was offered). */
function handlersFor(store: LowdbWorkspaceStore) {
  resetFake();
  const offered: string[] = [];
  fake.electron.dialog.showSaveDialog.mockImplementation(async (options: { defaultPath: string }) => {
    offered.push(options.defaultPath);
    return { canceled: true, filePath: '' };
  });
  const handlers: Handlers<MethodName> = {
    ...createServiceHandlers(store, { name: 'Fact-check Desk', version: '0.0.0', mode: 'electron' }),
    ...createHostHandlers(() => null),
  };
  return { handlers, offered };
}

interface Before {
  bytes: Buffer;
  data: unknown;
  audit: number;
  history: unknown;
}

async function snapshot(store: LowdbWorkspaceStore): Promise<Before> {
  return { bytes: await storedBytes(store), data: store.data, audit: store.audit.length, history: store.history() };
}

const label = (method: unknown) => (typeof method === 'string' ? method : typeof method);

/** Every property the issue asks of one call's answer. */
async function checkAnswer(store: LowdbWorkspaceStore, method: unknown, result: ApiResult<unknown>, before: Before, refusals: readonly string[]): Promise<void> {
  counts.calls++;
  expect(result, 'an ApiResult').toBeTypeOf('object');
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    counts.accepted++;
    const parsed = contract[method as MethodName].output.safeParse(result.value);
    expect(parsed.success, `${label(method)} answered what its contract declares`).toBe(true);
  } else {
    counts.refused++;
    expect(API_ERROR_CODES).toContain(result.error.code);
    expect(refusals, `${label(method)} refused with ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.trim().length).toBeGreaterThan(0);
    expect(result.error.message).not.toMatch(/\n\s+at /);
    // Refusals travel as JSON (HTTP) and structured clone (IPC).
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(store.data, 'the workspace in memory is unchanged').toBe(before.data);
    expect(store.audit.length, 'the audit log is unchanged').toBe(before.audit);
    expect(store.history()).toEqual(before.history);
    expect((await storedBytes(store)).equals(before.bytes), 'the data file is byte-identical').toBe(true);
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), 'Object.prototype is not polluted').toBe(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Inputs for one method: valid-shaped, the same with hostile values and keys, anything. */
function inputsFor(method: MethodName, store: LowdbWorkspaceStore) {
  const pools = method === 'startUrlImport' ? { ...seed.pools, urls: OFFLINE_URL_POOL, randomWebUrls: false } : seed.pools;
  const live = { ...pools, ids: [...new Set([...pools.ids, ...store.data.articles.map((a) => a.id), ...store.data.claims.map((c) => c.id)])] };
  const schema = contract[method].input;
  return fc.oneof(
    { arbitrary: arbitraryFor(schema, { mutate: 0, pools: live }), weight: 4 },
    { arbitrary: arbitraryFor(schema, { mutate: 0.08, pools: live }), weight: 5 },
    { arbitrary: anyValue, weight: 1 },
  );
}

describe(`API fuzz: ${TOTAL_RUNS.toLocaleString('en')} generated calls through dispatch (${RUNS_PER_METHOD} per method × ${METHOD_NAMES.length} methods, ${UNKNOWN_METHOD_RUNS} unknown methods, ${ANY_METHOD_RUNS} anything-to-anything)`, () => {
  it.each(METHOD_NAMES)('%s: never throws, refuses bad input clearly, and a refusal changes nothing', async (method) => {
    const copy = await openCopy(seed);
    const { handlers, offered } = handlersFor(copy.store);
    const jobs: string[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(inputsFor(method, copy.store), async (input) => {
          const before = await snapshot(copy.store);
          const result = await dispatch(handlers, method, input);
          if (method === 'startUrlImport' && result.ok) jobs.push((result.value as { jobId: string }).jobId);
          await checkAnswer(copy.store, method, result, before, INPUT_REFUSALS);
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED + METHOD_NAMES.indexOf(method), endOnFailure: true },
      );
      // The host handlers: the save dialog only ever offered a bare file name; only web pages were opened.
      for (const name of offered) {
        expect(path.basename(name), name).toBe(name);
        // eslint-disable-next-line no-control-regex -- control characters are what must not be offered
        expect(name).not.toMatch(/^\.*$|[/\\\u0000-\u001f]/);
      }
      for (const [url] of fake.electron.shell.openExternal.mock.calls as unknown as [string][]) expect(['http:', 'https:']).toContain(new URL(url).protocol);
    } finally {
      for (const jobId of jobs) webImports.cancel(jobId);
      await copy.remove();
    }
  }, 60_000);

  it('unknown method names (and names that are not strings) are refused as unknown, whatever the input', async () => {
    const copy = await openCopy(seed);
    const { handlers } = handlersFor(copy.store);
    try {
      const names = fc.oneof(
        fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'getWorkspace ', 'GETWORKSPACE', 'getworkspace', 'factcheck:getWorkspace', '', ...HOSTILE_STRINGS),
        fc.string({ maxLength: 40 }).filter((name) => !Object.hasOwn(contract, name)),
        fc.constantFrom<unknown>(undefined, null, 0, Number.NaN, 1n, true, {}, [], ['getWorkspace'], { toString: 'getWorkspace' }, Object.create(null)),
      );
      await fc.assert(
        fc.asyncProperty(names, anyValue, async (name, input) => {
          const before = await snapshot(copy.store);
          const result = await dispatch(handlers, name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
          await checkAnswer(copy.store, name, result, before, ['unknown_method']);
        }),
        { numRuns: UNKNOWN_METHOD_RUNS, seed: SEED - 1, endOnFailure: true },
      );
    } finally {
      await copy.remove();
    }
  }, 60_000);

  it('anything sent to any method is answered, never thrown, never internal', async () => {
    const copy = await openCopy(seed);
    const { handlers } = handlersFor(copy.store);
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), anyValue, async (method, input) => {
          const before = await snapshot(copy.store);
          const result = await dispatch(handlers, method, input);
          await checkAnswer(copy.store, method, result, before, INPUT_REFUSALS);
        }),
        { numRuns: ANY_METHOD_RUNS, seed: SEED - 2, endOnFailure: true },
      );
    } finally {
      await copy.remove();
    }
  }, 60_000);
});
