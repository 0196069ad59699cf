import { describe, expect, it } from 'vitest';
import { MODE_LABELS, MODE_SHORTCUT_KEYS, SESSION_MODES, modeForWayOfWorking, wayOfWorkingForMode } from '@shared/domain/mode';
import { WAYS_OF_WORKING } from '@shared/domain/working-style';

describe('session modes', () => {
  it('maps each way of working to the mode a session opens in', () => {
    expect(modeForWayOfWorking('talk')).toBe('notes');
    expect(modeForWayOfWorking('draw')).toBe('map');
    expect(modeForWayOfWorking('challenge')).toBe('prompts');
  });

  it('maps back again', () => {
    for (const way of WAYS_OF_WORKING) expect(wayOfWorkingForMode(modeForWayOfWorking(way))).toBe(way);
    for (const mode of SESSION_MODES) expect(modeForWayOfWorking(wayOfWorkingForMode(mode))).toBe(mode);
  });

  it('labels each mode and gives it a distinct shortcut key', () => {
    expect(MODE_LABELS).toEqual({ notes: 'Talk-through notes', map: 'System map', prompts: 'Challenge prompts' });
    expect(MODE_SHORTCUT_KEYS).toEqual({ notes: '1', map: '2', prompts: '3' });
  });
});
