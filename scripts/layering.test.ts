/**
 * Proves the layering rules bite: each wrong import below must fail lint (and so
 * `npm test`), and each right one must pass. The files are linted in memory.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const wrong: [string, string, RegExp][] = [
  ['shared/domain/x.ts', "import fs from 'node:fs';", /Node built-ins/],
  ['shared/domain/x.ts', "import path from 'path';", /Node built-ins/],
  ['shared/domain/x.ts', "import { app } from 'electron';", /must not import electron/],
  ['shared/domain/x.ts', "import { useState } from 'react';", /no React/],
  ['shared/domain/x.ts', "import { x } from '../../renderer/src/x';", /must not import from electron\/ or renderer/],
  ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';", /must not import electron/],
  ['renderer/src/x.ts', "import { WorkspaceStore } from '../../electron/main/services/store';", /must not import from electron/],
  ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';", /Node built-ins/],
  ['electron/main/services/x.ts', "import { app } from 'electron';", /plain Node modules/],
  ['electron/main/cli/x.ts', "import { app } from 'electron';", /plain Node modules/],
  ['electron/main/services/x.ts', "import { hardenApp } from '../shell/security';", /must not depend on the Electron shell/],
  ['electron/preload/x.ts', "import fs from 'fs';", /sandboxed preload/],
  ['electron/main/shell/x.ts', "import { App } from '../../../renderer/src/App';", /must not import the renderer/],
];

const right: [string, string][] = [
  ['shared/domain/x.ts', "import { z } from 'zod';"],
  ['renderer/src/x.ts', "import { contract } from '../../shared/api/contract';"],
  ['electron/main/services/x.ts', "import fs from 'node:fs';"],
  ['electron/main/shell/x.ts', "import { app } from 'electron';"],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
];

describe('layering lint rules', () => {
  it.each(wrong)('%s: %s is refused', async (file, code, message) => {
    const messages = await restrictedImports(file, `${code}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(right)('%s: %s is allowed', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
