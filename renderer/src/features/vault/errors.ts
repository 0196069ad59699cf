import { AppError } from '@shared/errors';

/** One sentence for the coach, whatever went wrong. */
export function sentenceFor(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return 'Confidante could not reach its vault. Try again.';
}
