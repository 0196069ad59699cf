import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';

export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();

export const newId = (): string => randomUUID();

/**
 * Apply a patch to the editable fields named in `keys`, and only those: a patch that arrives with
 * an id or a timestamp in it cannot move a row. Keys present but undefined are left alone (a
 * partial form, not a request to clear).
 */
export function applyPatch<T extends object, K extends keyof T>(current: T, patch: Partial<Pick<T, K>>, keys: readonly K[]): T {
  const next = { ...current };
  for (const key of keys) {
    const value = patch[key];
    if (value !== undefined) next[key] = value as T[K];
  }
  return next;
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not-found', `There is no ${what} with id ${id}.`);
}
