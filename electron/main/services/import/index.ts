/**
 * Imports: a file or pasted rich text (`importFile`), a web page (`webImports`, as jobs).
 * Each answers a draft for the editor to check; none writes to the workspace (the editor
 * adds the article with createArticle once the draft looks right).
 */
import { WebImports } from './jobs';

export { importFile, importBytes, formatOf, tooBig, type ImportFormat } from './file';
export { WebImports, JOB_KEEP_MS, MAX_RUNNING_JOBS, type WebImportOptions } from './jobs';
export { DEFAULT_WEB_LIMITS, type WebLimits } from './web';

/** The web imports of this process (the app's or the browser-mode server's). */
export const webImports = new WebImports();
