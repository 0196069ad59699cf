/**
 * What any message from a window must look like before its call's schema reads it: plain data, as
 * JSON would carry it. Electron's IPC uses the structured clone algorithm, which also carries
 * Dates, Maps, typed arrays, BigInts, NaN and Infinity, and keys such as "__proto__" as ordinary
 * own properties; zod's records and loose objects would silently drop a "__proto__" key rather
 * than refuse it. None of these has a use in the API, so a message holding one is refused whole,
 * as is one nested deeper than any call needs (a drawing's rich text included), before a
 * recursive validator could overflow the stack on it.
 */

/** Deeper than any call needs: a map diff's rich text with lists nested twenty levels is ~100. */
export const MAX_MESSAGE_DEPTH = 100;

/** Keys that name the prototype machinery, in any object of a message. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Pending {
  value: unknown;
  depth: number;
  key: string;
  parent: Pending | null;
}

/** Where in the message a problem is, as a dotted path. */
function pathOf(entry: Pending): string {
  const keys: string[] = [];
  for (let at: Pending | null = entry; at && at.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.') || '(the message)';
}

/**
 * Null when `message` is plain data, otherwise what is wrong and where. Iterative, so a message
 * nested a million levels deep is refused at level MAX_MESSAGE_DEPTH + 1 without recursion.
 */
export function messageShapeProblem(message: unknown): string | null {
  const stack: Pending[] = [{ value: message, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    switch (typeof value) {
      case 'undefined':
      case 'boolean':
      case 'string':
        continue;
      case 'number':
        if (!Number.isFinite(value)) return `${pathOf(entry)} is not a finite number`;
        continue;
      case 'object':
        break;
      default:
        return `${pathOf(entry)} is not plain data (${typeof value})`;
    }
    if (value === null) continue;
    if (entry.depth >= MAX_MESSAGE_DEPTH) return `${pathOf(entry)} is nested too deeply`;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) stack.push({ value: value[index], depth: entry.depth + 1, key: String(index), parent: entry });
      continue;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return `${pathOf(entry)} is not a plain object`;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `${pathOf(entry)} has a "${key}" key`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: entry.depth + 1, key, parent: entry });
    }
  }
  return null;
}
