export declare const projectRoot: string;
export declare function findElectronBinary(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
}): { found: true; path: string } | { found: false; reason: string };
