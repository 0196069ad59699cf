import type { Plugin } from 'vite';

export declare const COACHEE_COPY_PAGE_MODULE: 'virtual:confidante-coachee-copy-page';
export declare const ARMOR_SLOT: string;
export declare function buildCoacheeCopyPage(): Promise<{ html: string; css: string; policy: string }>;
export declare function coacheeCopyPage(): Plugin;
