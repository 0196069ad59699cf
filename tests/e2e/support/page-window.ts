/**
 * The page's globals as evaluate() callbacks use them. Test code is compiled without the DOM
 * library (it runs in Node); these callbacks run in the page, so they reach its globals through
 * `globalThis` with just the shape they need: `(globalThis as unknown as PageWindow).document`.
 */
export interface PageElement {
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  append(child: PageElement): void;
  textContent: string | null;
  scrollHeight: number;
  style: { cssText: string };
  dataset: Record<string, string | undefined>;
}

export interface PageWindow {
  document: {
    documentElement: PageElement;
    body: PageElement;
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    createElement(tag: string): PageElement;
  };
  getComputedStyle(element: PageElement): { backgroundColor: string };
  sessionStorage: { getItem(key: string): string | null };
}
