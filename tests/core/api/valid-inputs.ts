import type { CoachCalls, CoachMethod } from '@shared/ipc/api';
import type { InputOf } from '@shared/ipc/define';
import { GOOD_PASSPHRASE } from '../../support/temp-vault';

export const UUID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const BOUNDARY = { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false };

/**
 * One well-formed input per call. The type makes this table complete: a new call does not compile
 * until it has a sample here, and so it is fuzzed too.
 */
export const VALID_COACH_INPUTS: { [K in CoachMethod]: InputOf<CoachCalls[K]> } = {
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
  mapSave: { sessionId: UUID, snapshotJson: '{}', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
  mapSavePicture: { sessionId: UUID, snapshotJson: '{}', svg: null },
  mapGet: { sessionId: UUID },
  mapLicenseKeySet: { key: 'tldraw-key' },
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
