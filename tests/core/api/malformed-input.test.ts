import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachCalls, type CoachCalls, type CoachMethod } from '@shared/ipc/api';
import type { InputOf } from '@shared/ipc/define';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { AppCore } from '../../../electron/core/app-core';
import type { z } from 'zod';
import { GOOD_PASSPHRASE, TEST_KDF, snapshotDir, tempDir } from '../../support/temp-vault';

const UUID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const BOUNDARY = { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false };

/**
 * One well-formed input per call. The type makes this table complete: a new call does not compile
 * until it has a sample here, and so it is fuzzed too.
 */
const VALID: { [K in CoachMethod]: InputOf<CoachCalls[K]> } = {
  appReadyToClose: {},
  vaultStatus: {},
  vaultCreate: { passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE },
  vaultUnlock: { passphrase: GOOD_PASSPHRASE },
  vaultRecover: { recoveryCode: 'AAAA-BBBB', newPassphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE },
  vaultChangePassphrase: { current: GOOD_PASSPHRASE, next: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE },
  vaultLock: { reason: 'curtain' },
  vaultTouch: {},
  settingsGet: {},
  settingsUpdate: { autoLockMinutes: 5, protectCoachWindow: false },
  shareStart: { sessionId: UUID, view: { kind: 'map' }, mapSnapshot: null },
  shareSetView: { view: { kind: 'prompt', text: 'What matters?', category: 'values' } },
  shareStop: {},
  shareMapDiff: { diff: { added: {}, updated: {}, removed: {} } },
  coacheeList: { search: 'ana', includeArchived: true },
  coacheeGet: { id: UUID },
  coacheeCreate: {
    name: 'Ana',
    role: 'Head of Product',
    organisation: 'Acme',
    ambitions: '',
    currentProjects: '',
    obstacles: '',
    supportWanted: '',
    note: '',
    relationshipKind: 'coaching',
    preferredMode: 'talk',
    challengeIntensity: 'direct',
    boundaryCheck: BOUNDARY,
  },
  coacheeUpdate: { id: UUID, patch: { name: 'Ana B' } },
  coacheeArchive: { id: UUID, archived: true },
  boundaryCheckSave: { coacheeId: UUID, answers: BOUNDARY },
  sessionStart: { coacheeId: UUID, walkAwayWith: 'clarity', wayOfWorking: 'draw', challengeIntensity: 'direct', timeBoxMinutes: 60, boundariesToday: '' },
  sessionGet: { id: UUID },
  sessionUpdateContract: { id: UUID, patch: { walkAwayWith: 'a plan' } },
  sessionSetMode: { id: UUID, mode: 'talk' },
  sessionEnd: { id: UUID, outcome: 'yes', outcomeWords: 'I have a plan', summary: '', actions: [{ what: 'Call Sam', owner: 'coachee', dueDate: '2026-12-01' }] },
  notesSave: { sessionId: UUID, lexicalJson: '{}', plainText: '' },
  mapSave: { sessionId: UUID, snapshotJson: '{}' },
  promptAsk: { sessionId: UUID, promptId: 'values-01', promptText: 'What matters?', category: 'values', intensity: 'supportive' },
  promptAnswer: { id: UUID, answer: 'This' },
  customPromptAdd: { category: 'values', intensity: 'tough', text: 'What are you avoiding?' },
  observationAdd: { sessionId: UUID, kind: 'observation', text: 'Energy dropped' },
  actionFollowUp: { id: UUID, status: 'done', sessionId: UUID },
  search: { query: 'plan' },
  fileSave: { suggestedName: 'system-map.svg', base64: 'PHN2Zz4=', kind: 'svg' },
  archiveExport: { scope: { kind: 'vault' }, purpose: 'backup', passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE, operationId: UUID },
  archiveCancel: { operationId: UUID },
  archiveGeneratePassphrase: {},
  archivePreview: { base64: 'YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==', passphrase: GOOD_PASSPHRASE },
  archiveImport: { importToken: 'A'.repeat(43), resolutions: { [UUID]: 'keep-both' } },
  archiveDiscard: { importToken: 'A'.repeat(43) },
};

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
  const shape = (coachCalls[method].input as unknown as z.ZodObject).shape;
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
