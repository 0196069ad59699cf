import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachCalls, type CoachMethod } from '@shared/ipc/api';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { AppCore } from '../../../electron/core/app-core';
import type { z } from 'zod';
import { GOOD_PASSPHRASE, TEST_KDF, snapshotDir, tempDir } from '../../support/temp-vault';
import { VALID_COACH_INPUTS as VALID } from './valid-inputs';

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'forty-two';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not-an-array';
  if (value === null) return { unexpected: true };
  return 'not-an-object';
}

/** Inputs that no schema may accept: wrong shapes, a wrong type in each field, each field missing, an extra field. */
function malformedVariants(method: CoachMethod, valid: Record<string, unknown>): Array<[string, unknown]> {
  const input = coachCalls[method].input as unknown as z.ZodObject | z.ZodDiscriminatedUnion<z.ZodObject[]>;
  // An input of several shapes (archiveExport: a backup, or a coachee copy) is varied around the shape of its sample.
  const shape = ('options' in input ? input.options.find((option) => option.safeParse(valid).success)! : input).shape;
  const variants: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 7],
    ['a string', 'hello'],
    ['an array', [valid]],
    ['an extra field', { ...valid, injected: 'DROP TABLE coachees' }],
  ];
  for (const [key, value] of Object.entries(valid)) {
    variants.push([`${key} of the wrong type`, { ...valid, [key]: wrongTypeFor(value) }]);
    // Leaving out an optional field is allowed; leaving out a required one is not.
    if (shape[key]?.safeParse(undefined).success) continue;
    const { [key]: _removed, ...without } = valid;
    variants.push([`${key} missing`, without]);
  }
  return variants;
}

const refuseFiles = {
  appVersion: '0.0.0-test',
  saveFile: async () => {
    throw new Error('no file may be written by a malformed call');
  },
  chooseDestination: async () => {
    throw new Error('no file may be written by a malformed call');
  },
};

describe('IPC input validation', () => {
  let core: AppCore;
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
    await core.vault.create(GOOD_PASSPHRASE);
    core.afterUnlock();
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  it('covers every call of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(coachCalls).sort());
  });

  for (const method of Object.keys(coachCalls) as CoachMethod[]) {
    it(`${method} rejects malformed input with a typed error and changes nothing`, async () => {
      const handlers = createCoachHandlers(core, refuseFiles);
      const before = snapshotDir(dir);
      for (const [label, input] of malformedVariants(method, VALID[method] as Record<string, unknown>)) {
        const envelope = await dispatch(coachCalls, handlers, method, input);
        expect(envelope, `${method} with ${label}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      expect(snapshotDir(dir)).toEqual(before);
      expect(core.vault.isUnlocked).toBe(true);
    });
  }

  it('rejects methods that are not in the table, including inherited names', async () => {
    const handlers = createCoachHandlers(core, refuseFiles);
    for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'vaultDelete', 42, null]) {
      const envelope = await dispatch(coachCalls, handlers, method, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });
});
