import type { z } from 'zod';
import type { Envelope } from '../errors';

/**
 * One call of the API: a runtime schema for its input (the main process validates every message
 * with it) and, as a type only, what it returns.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: carries the output type, never read at runtime. */
  readonly output?: O;
}

export function call<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): CallSpec<I, O> {
      return { input };
    },
  };
}

export type CallTable = Record<string, CallSpec>;

export type InputOf<S> = S extends CallSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends CallSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends CallSpec<z.ZodType, infer O> ? O : never;

/** What a window sees: one async function per call. */
export type ClientOf<T extends CallTable> = {
  [K in keyof T]: (input: InputOf<T[K]>) => Promise<OutputOf<T[K]>>;
};

/** What the main process implements: one function per call, given validated input. */
export type HandlersOf<T extends CallTable> = {
  [K in keyof T]: (input: ParsedInputOf<T[K]>) => Promise<OutputOf<T[K]>> | OutputOf<T[K]>;
};

/**
 * What crosses a process boundary: the same functions, resolving to envelopes. Errors lose their
 * class and fields when Electron or HTTP carries them, so failures travel as data and the
 * renderer's client turns them back into AppError.
 */
export type BridgeOf<T extends CallTable> = {
  [K in keyof T]: (input: InputOf<T[K]>) => Promise<Envelope<OutputOf<T[K]>>>;
};
