import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_DEPTH, messageShapeProblem } from '../../../electron/core/api/message-shape';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { next: value };
  return value;
}

describe('messageShapeProblem: plain data only', () => {
  it.each([
    ['an empty object', {}],
    ['undefined (no input)', undefined],
    ['strings, finite numbers, booleans, null', { a: 'text', b: -0, c: 1e308, d: false, e: null }],
    ['arrays, and optional fields left undefined', { list: [1, 'two', [3]], search: undefined }],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ['keys that only look like prototype keys', { __proto: 1, Constructor: 2, 'prototype ': 3 }],
    [`nesting of exactly ${MAX_MESSAGE_DEPTH} levels`, nested(MAX_MESSAGE_DEPTH)],
  ])('accepts %s', (_label, message) => {
    expect(messageShapeProblem(message)).toBeNull();
  });

  it.each([
    ['NaN', { x: Number.NaN }, 'x is not a finite number'],
    ['Infinity in an array', { list: [1, Number.NEGATIVE_INFINITY] }, 'list.1 is not a finite number'],
    ['a BigInt', { n: 10n }, 'n is not plain data (bigint)'],
    ['a function', { f: () => 1 }, 'f is not plain data (function)'],
    ['a symbol', { s: Symbol('s') }, 's is not plain data (symbol)'],
    ['a Date', { when: new Date(0) }, 'when is not a plain object'],
    ['a Map', { m: new Map() }, 'm is not a plain object'],
    ['a typed array', { bytes: new Uint8Array(2) }, 'bytes is not a plain object'],
    ['an own __proto__ key', JSON.parse('{"a": {"__proto__": {"polluted": true}}}'), 'a has a "__proto__" key'],
    ['a constructor key', { diff: { constructor: { prototype: {} } } }, 'diff has a "constructor" key'],
    ['a prototype key at the top', { prototype: 1 }, '(the message) has a "prototype" key'],
    [`nesting of ${MAX_MESSAGE_DEPTH + 1} levels`, nested(MAX_MESSAGE_DEPTH + 1), 'is nested too deeply'],
    ['nesting of a million levels', nested(1_000_000), 'is nested too deeply'],
  ])('refuses %s', (_label, message, problem) => {
    expect(messageShapeProblem(message)).toContain(problem);
  });
});
