import { describe, expect, it } from 'vitest';
import { prettyJsonSteps, runSteps, runStepsPaced } from '../../../electron/core/archive/steps';

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

describe('work in steps', () => {
  it('prettyJsonSteps writes exactly the bytes of JSON.stringify(records, null, 2)', () => {
    const records = Array.from({ length: 1234 }, (_, i) => ({
      id: `id-${i}`,
      text: i % 3 === 0 ? 'line one\nline two\t"quoted" \\ back' : 'Benoît, Zoë, 東京, 🙂',
      nested: { list: [1, 2, { deep: null }], empty: {}, none: [] },
      at: i % 7 === 0 ? null : '2025-03-03T09:00:00.000Z',
    }));
    for (const value of [records, [], [{}], [[]], [1, 'two', null]]) {
      expect(runSteps(prettyJsonSteps(value, 100)).equals(json(value))).toBe(true);
    }
  });

  it('runStepsPaced pauses between steps, and a pause that throws stops the work and runs its finally blocks', async () => {
    const seen: string[] = [];
    function* work() {
      try {
        for (let i = 0; i < 5; i++) {
          seen.push(`step ${i}`);
          yield;
        }
        return 'done';
      } finally {
        seen.push('cleaned up');
      }
    }
    let pauses = 0;
    await expect(runStepsPaced(work(), () => (++pauses === 3 ? Promise.reject(new Error('cancelled')) : undefined))).rejects.toThrow('cancelled');
    expect(seen).toEqual(['step 0', 'step 1', 'step 2', 'cleaned up']);
    expect(await runStepsPaced(work(), () => undefined)).toBe('done');
  });
});
