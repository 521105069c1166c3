/**
 * Where commands meet their implementations. Components that own an action register a
 * handler for its command id while they are mounted (`useCommand`); the keyboard
 * dispatcher and the command palette run whatever is registered. So each action lives
 * with the component that can do it, and shortcuts, palette and menus stay in step.
 */
import type { AppCommandId as CommandId } from './app-commands';

export interface CommandHandler {
  run(): void;
  /** Whether the command makes sense now (a claim is selected, …); disabled ones are listed but greyed. */
  enabled(): boolean;
}

export class CommandRegistry {
  private readonly handlers = new Map<CommandId, CommandHandler[]>();
  private readonly listeners = new Set<() => void>();
  /** Bumped on every (un)registration, as a snapshot for useSyncExternalStore. */
  version = 0;

  /** Registers a handler; the most recent registration wins. Returns the unregister function. */
  register(id: CommandId, handler: CommandHandler): () => void {
    const list = this.handlers.get(id) ?? [];
    list.push(handler);
    this.handlers.set(id, list);
    this.changed();
    return () => {
      const current = this.handlers.get(id) ?? [];
      this.handlers.set(
        id,
        current.filter((h) => h !== handler),
      );
      this.changed();
    };
  }

  handler(id: CommandId): CommandHandler | undefined {
    return this.handlers.get(id)?.at(-1);
  }

  isAvailable(id: CommandId): boolean {
    return this.handler(id)?.enabled() ?? false;
  }

  /** Runs the command if it is registered and enabled; says whether it ran. */
  run(id: CommandId): boolean {
    const handler = this.handler(id);
    if (!handler?.enabled()) return false;
    handler.run();
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
