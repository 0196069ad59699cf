export function electronPackageDir(): string;
export function electronVersion(): string;
export function electronBinaryPath(): string | null;
export const MISSING_ELECTRON_SENTENCE: string;
