import { promises as fs } from 'node:fs';
import { type BrowserWindow, dialog } from 'electron';
import type { Handlers, HostMethod } from '../../../shared/api/contract';
import { safeFileName } from '../../../shared/security/file-name';
import { openExternalSafely } from './security';

/** The desktop's side of the host methods: a native save dialog, the system browser. */
export function createHostHandlers(getWindow: () => BrowserWindow | null): Handlers<HostMethod> {
  return {
    async saveFile({ fileName, content, encoding }) {
      const window = getWindow();
      const options = { defaultPath: safeFileName(fileName), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, location: null };
      await fs.writeFile(choice.filePath, Buffer.from(content, encoding));
      return { saved: true, location: choice.filePath };
    },
    async openExternal({ url }) {
      return { opened: await openExternalSafely(url) };
    },
  };
}
