import type { FuseConfig } from '@electron/fuses';

export interface FuseSettings {
  runAsNode: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  enableNodeCliInspectArguments: boolean;
}
export type FuseDecision = { action: 'skip'; reason: string } | { action: 'flip'; settings: FuseSettings; config: FuseConfig };
/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string }; addElectronFuses(context: PackContext, config: FuseConfig): Promise<unknown> };
}
type ReadWire = (binary: string) => Promise<Record<string | number, unknown>>;

export declare function isTestBuild(env?: Record<string, string | undefined>): boolean;
export declare function fuseSettings(options: { testBuild: boolean }): FuseSettings;
export declare function fuseConfig(settings: FuseSettings, platform: string): FuseConfig;
export declare function electronBinaryPath(context: PackContext): string;
export declare function decide(options: { binary: string; platform: string; env?: Record<string, string | undefined>; readWire?: ReadWire }): Promise<FuseDecision>;
export declare function checkWire(wire: Record<string | number, unknown>, settings: FuseSettings): void;
export declare function afterPack(context: PackContext, options?: { log?: (line: string) => void; readWire?: ReadWire }): Promise<FuseDecision>;
export default afterPack;
