/**
 * The app as web pages: the built renderer (out/renderer) with the browser bridge
 * (out/preload/browser.cjs) loaded before it, as browser mode and the team server serve it.
 * Files are read once at start (the page and the bridge) or on request (the renderer's
 * assets), never outside the renderer folder.
 */
import { promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { send, sendText } from './http-common';
import { LIVE_CHANGES_META } from '../../../shared/api/bridge';

export const BRIDGE_PATH = '/__factcheck/bridge.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebAppFiles {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built browser bridge (out/preload/browser.cjs). */
  bridgeFile: string;
}

export interface WebApp {
  /** Answers a GET or HEAD for the page, the bridge or a renderer asset (404 for anything else). */
  serve(res: http.ServerResponse, pathname: string): Promise<void>;
}

export async function loadWebApp(files: WebAppFiles, options: { liveChanges?: string } = {}): Promise<WebApp> {
  // The bridge is built as one self-contained file; wrapping it keeps its helpers out of the page's globals.
  const bridge = `(function () {\n${await fs.readFile(files.bridgeFile, 'utf8')}\n})();\n`;
  const root = path.resolve(files.rendererDir);
  const indexHtml = injectBridge(await fs.readFile(path.join(files.rendererDir, 'index.html'), 'utf8'), options.liveChanges);

  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad request.');
    }
    const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
    if (!file.startsWith(root + path.sep)) return sendText(res, 404, 'Not found.');
    let content: Buffer;
    try {
      content = await fs.readFile(file);
    } catch {
      return sendText(res, 404, 'Not found.');
    }
    res.setHeader('Cache-Control', 'no-cache');
    return send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', content);
  }

  return {
    async serve(res, pathname) {
      if (pathname === BRIDGE_PATH) return send(res, 200, MIME['.js']!, bridge);
      if (pathname === '/' || pathname === '/index.html') {
        res.setHeader('Cache-Control', 'no-store');
        return send(res, 200, MIME['.html']!, indexHtml);
      }
      return serveStatic(res, pathname);
    },
  };
}

/** Loads the bridge as a classic script before the renderer's module script (after the live stream's address, when there is one). */
export function injectBridge(html: string, liveChanges?: string): string {
  const meta = liveChanges === undefined ? '' : `<meta name="${LIVE_CHANGES_META}" content="${liveChanges.replace(/[^A-Za-z0-9/_?=&.-]/g, '')}" />\n    `;
  const tag = `${meta}<script src="${BRIDGE_PATH}"></script>`;
  if (!html.includes('</head>')) throw new Error('The built index.html has no </head>; rebuild the renderer.');
  return html.replace('</head>', `    ${tag}\n  </head>`);
}
