/**
 * For store actions started from an event handler. Every store action reports its own
 * failure (error toast + status bar, through `perform`) and then rethrows so forms can
 * also show it next to a field; where there is no field, the rethrown error has nowhere
 * else to go, and letting it escape would only add an "unhandled rejection".
 */
export function reported(promise: Promise<unknown> | void): void {
  void Promise.resolve(promise).catch(() => undefined);
}
