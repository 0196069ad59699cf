export const NATIVE_MODULE_FILE: string;

export interface BinaryInspection {
  verdict: 'hardware' | 'software' | 'unknown';
  reason: string;
}
export function inspectBinary(file: string): BinaryInspection;

export function cpuHasAes(): boolean | null;

export function loadedModule(): { file: string; base: number } | null;

export interface RuntimeAesPath {
  path: 'hardware' | 'software' | null;
  file?: string;
  reason?: string;
}
export function runtimeAesPath(): RuntimeAesPath;
export function setRuntimeAesPath(hardware: boolean): void;

export function softwareAesTables(): { address: number; size: number }[];
export function processMemory(address: number, sizeOrBytes: number | Buffer): Buffer;
