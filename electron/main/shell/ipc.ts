import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel, METHOD_NAMES, type Handlers, type MethodName } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { failure } from '../../../shared/api/result';

/**
 * Answers IPC only from the app's own top-level page: a frame that navigated elsewhere,
 * a subframe or any other web contents is refused.
 */
export function createSenderCheck(rendererUrl: string): (event: IpcMainInvokeEvent) => boolean {
  const trusted = new URL(rendererUrl);
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    if (trusted.protocol === 'file:') return url.protocol === 'file:' && url.pathname === trusted.pathname;
    return url.origin === trusted.origin;
  };
}

/** Registers one IPC handler per contract method; each checks the sender and validates input. */
export function registerIpc(
  handlers: Handlers<MethodName>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  onInternalError: (method: string, error: unknown) => void,
): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return failure('forbidden', `Refused ${method}: the request did not come from the Fact-check Desk window.`);
      }
      return dispatch(handlers, method, input, onInternalError);
    });
  }
}
