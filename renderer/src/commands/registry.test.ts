import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry } from './registry';

describe('CommandRegistry', () => {
  it('runs the most recent enabled registration and reports whether anything ran', () => {
    const registry = new CommandRegistry();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = registry.register('undo', { run: first, enabled: () => true });
    const offSecond = registry.register('undo', { run: second, enabled: () => true });
    expect(registry.run('undo')).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    offSecond();
    registry.run('undo');
    expect(first).toHaveBeenCalledOnce();
    offFirst();
    expect(registry.run('undo')).toBe(false);
    expect(registry.handler('undo')).toBeUndefined();
  });

  it('does not run a disabled command, and tells listeners about (un)registrations', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const run = vi.fn();
    const off = registry.register('delete-claim', { run, enabled: () => false });
    expect(registry.isAvailable('delete-claim')).toBe(false);
    expect(registry.run('delete-claim')).toBe(false);
    expect(run).not.toHaveBeenCalled();
    off();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.version).toBe(2);
  });
});
