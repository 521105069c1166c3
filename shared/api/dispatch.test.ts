import { describe, expect, it, vi } from 'vitest';
import { dispatch } from './dispatch';
import { createBridge } from './bridge';
import { contract, HOST_METHODS, METHOD_NAMES, SERVICE_METHODS } from './contract';
import { ApiError } from './result';

describe('the API contract', () => {
  it('declares every method once, as either a service or a host method', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect([...SERVICE_METHODS, ...HOST_METHODS].sort()).toEqual([...METHOD_NAMES].sort());
    expect(HOST_METHODS.sort()).toEqual(['openExternal', 'saveFile']);
    for (const name of METHOD_NAMES) expect(contract[name].summary.length).toBeGreaterThan(10);
  });
});

describe('dispatch', () => {
  const handlers = {
    getWorkspace: vi.fn(async () => {
      throw new ApiError('not_found', 'gone');
    }),
    openExternal: vi.fn(async ({ url }: { url: string }) => ({ opened: url.startsWith('https:') })),
    updateClaim: vi.fn(async () => {
      throw new Error('disk full');
    }),
  };

  it('validates input before a handler runs and explains what is wrong', async () => {
    const result = await dispatch(handlers, 'openExternal', { url: 'javascript:alert(1)' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/url: must be a web address/);
    expect(handlers.openExternal).not.toHaveBeenCalled();
  });

  it('refuses unknown keys, missing input and methods that do not exist', async () => {
    expect(await dispatch(handlers, 'openExternal', { url: 'https://a.example', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'openExternal', undefined)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // Declared in the contract but not provided by this side (e.g. a host method over HTTP).
    expect(await dispatch(handlers, 'saveFile', { fileName: 'a', mimeType: 'b', content: '' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes results through and turns thrown errors into results', async () => {
    expect(await dispatch(handlers, 'openExternal', { url: 'https://a.example' })).toEqual({ ok: true, value: { opened: true } });
    expect(await dispatch(handlers, 'getWorkspace', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
    const onError = vi.fn();
    expect(await dispatch(handlers, 'updateClaim', { id: 'claim00001', patch: {} }, onError)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'updateClaim failed: disk full' },
    });
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('createBridge', () => {
  it('exposes one named function per method that forwards to invoke or an override, and the live changes', async () => {
    const invoke = vi.fn(async (method: string) => ({ ok: true as const, value: method }));
    const host = vi.fn(async () => ({ ok: true as const, value: 'host' }));
    const bridge = createBridge(invoke, { saveFile: host });
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onWorkspaceChanges'].sort());
    // A personal workspace: nobody else changes it, so the listener is never called.
    const listener = vi.fn();
    bridge.onWorkspaceChanges(listener)();
    expect(listener).not.toHaveBeenCalled();
    const live = vi.fn(() => () => undefined);
    expect(createBridge(invoke, {}, live).onWorkspaceChanges).toBe(live);
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.getWorkspace({});
    expect(invoke).toHaveBeenCalledWith('getWorkspace', {});
    await bridge.saveFile({ fileName: 'a.md', mimeType: 'text/markdown', content: '' });
    expect(host).toHaveBeenCalledOnce();
  });
});
