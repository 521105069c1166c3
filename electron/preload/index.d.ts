import type { FactcheckBridge } from '../../shared/api/contract';

declare global {
  interface Window {
    /** Provided by electron/preload/index.ts in the app and by browser.ts in browser mode. */
    readonly factcheck: FactcheckBridge;
  }
}

export {};
