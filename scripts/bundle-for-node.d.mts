export function bundleEntriesForNode<Name extends string>(entries: Record<Name, string>, outDir: string): Promise<Record<Name, string>>;
export function bundleForNode(entry: string): Promise<string>;
