export const TOOLS_DIR: string;
export const TOOLS: Record<'preview-web' | 'emergency-key', string>;
export function buildTools(): Promise<Record<'preview-web' | 'emergency-key', string>>;
