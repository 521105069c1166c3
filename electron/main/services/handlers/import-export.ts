/** Reading articles in (files, web pages, bundles), reports out, and whole-workspace backups and restores. */
import type { Handlers } from '../../../../shared/api/contract';
import { exportReport } from '../export/index';
import { exportWorkspace, importBundle, restoreWorkspace } from '../export/restore';
import { importFile, webImports } from '../import/index';
import type { WorkspaceStore } from '../store-interface';

type ImportExportMethod =
  | 'exportReport'
  | 'importFile'
  | 'startUrlImport'
  | 'getImportJob'
  | 'cancelImport'
  | 'importBundle'
  | 'exportWorkspace'
  | 'restoreWorkspace';

export function importExportHandlers(store: WorkspaceStore): Handlers<ImportExportMethod> {
  return {
    async exportReport(request) {
      return exportReport({ workspace: store.data, audit: await store.readAudit(), copies: store.copies }, request, store.timestamp());
    },

    // Imports answer drafts and never write: the editor adds the article with createArticle.
    importFile: (input) => importFile(input),
    startUrlImport: async ({ url }) => webImports.start(url),
    getImportJob: async ({ jobId }) => webImports.get(jobId),
    cancelImport: async ({ jobId }) => webImports.cancel(jobId),
    importBundle: ({ content }) => importBundle(store, content),
    async exportWorkspace() {
      return exportWorkspace(store);
    },
    restoreWorkspace: ({ content, mode }) => restoreWorkspace(store, content, mode),
  };
}
