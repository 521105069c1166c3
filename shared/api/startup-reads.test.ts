import { describe, expect, it } from 'vitest';
import type { MethodName } from './contract';
import type { ApiResult } from './result';
import { STARTUP_READS, withStartupReads } from './startup-reads';

const ok = (value: unknown): ApiResult<unknown> => ({ ok: true, value });

/** An invoke that records its calls and answers each with its own call number. */
function recording() {
  const calls: [MethodName, unknown][] = [];
  const invoke = (method: MethodName, input: unknown): Promise<ApiResult<unknown>> => {
    calls.push([method, input]);
    return Promise.resolve(ok(calls.length));
  };
  return { calls, invoke };
}

describe('withStartupReads', () => {
  it('starts the startup reads at once, before the app asks for anything', () => {
    const { calls, invoke } = recording();
    withStartupReads(invoke);
    expect(calls).toEqual(STARTUP_READS.map(([method, input]) => [method, input]));
  });

  it('hands each early answer to the first call with the same input, and only to it', async () => {
    const { calls, invoke } = recording();
    const call = withStartupReads(invoke, [['openWorkspace', { firstClaims: 10 }]]);
    expect(await call('openWorkspace', { firstClaims: 10 })).toEqual(ok(1));
    expect(calls).toHaveLength(1);
    // A second opening (a reload of the data, say) asks again: the early answer is old by then.
    expect(await call('openWorkspace', { firstClaims: 10 })).toEqual(ok(2));
    expect(calls).toHaveLength(2);
  });

  it('asks again when the input differs from the early read, and leaves other methods alone', async () => {
    const { calls, invoke } = recording();
    const call = withStartupReads(invoke, [['openWorkspace', { firstClaims: 10 }]]);
    expect(await call('getAppInfo', {})).toEqual(ok(2));
    expect(await call('openWorkspace', { firstClaims: 20 })).toEqual(ok(3));
    expect(calls).toEqual([
      ['openWorkspace', { firstClaims: 10 }],
      ['getAppInfo', {}],
      ['openWorkspace', { firstClaims: 20 }],
    ]);
  });
});
