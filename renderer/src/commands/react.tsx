import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { AppCommandId as CommandId } from './app-commands';
import { type CommandRegistry } from './registry';

const RegistryContext = createContext<CommandRegistry | null>(null);

export function CommandsProvider({ registry, children }: { registry: CommandRegistry; children: ReactNode }) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useCommand must be used inside <CommandsProvider>.');
  return registry;
}

/**
 * Offers `run` as the implementation of a command while the component is mounted. The
 * latest `run`/`enabled` are always used, so callers need not memoise them.
 */
export function useCommand(id: CommandId, run: () => void, enabled: () => boolean = () => true): void {
  const registry = useCommandRegistry();
  const latest = useRef({ run, enabled });
  useEffect(() => {
    latest.current = { run, enabled };
  });
  useEffect(
    () =>
      registry.register(id, {
        run: () => latest.current.run(),
        enabled: () => latest.current.enabled(),
      }),
    [registry, id],
  );
}

export interface CommandBinding {
  id: CommandId;
  run(): void;
  enabled?(): boolean;
}

/** `useCommand` for a list of commands (e.g. one per status), registered together. */
export function useCommands(bindings: readonly CommandBinding[]): void {
  const registry = useCommandRegistry();
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  const ids = bindings.map((b) => b.id).join(' ');
  useEffect(() => {
    const unregister = ids.split(' ').map((id, i) =>
      registry.register(id as CommandId, {
        run: () => latest.current[i]?.run(),
        enabled: () => latest.current[i]?.enabled?.() ?? true,
      }),
    );
    return () => unregister.forEach((u) => u());
  }, [registry, ids]);
}
