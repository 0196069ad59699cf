export const TOOLS_DIR: string;
export const TOOLS: Record<'preview-web' | 'emergency-key', string>;
export const TOOL_WORKERS: Record<'backup-worker', string>;
export function buildTools(): Promise<Record<'preview-web' | 'emergency-key' | 'backup-worker', string>>;
