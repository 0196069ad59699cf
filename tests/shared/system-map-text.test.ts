import { describe, expect, it } from 'vitest';
import { mapPlainText } from '@shared/domain/system-map-text';

describe('mapPlainText', () => {
  it('collects plain and rich text from every shape of a tldraw snapshot', () => {
    const snapshot = {
      document: {
        store: {
          'shape:a': { typeName: 'shape', type: 'geo', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ana' }] }] } } },
          'shape:b': { typeName: 'shape', type: 'text', props: { text: 'steering group' } },
          'page:1': { typeName: 'page', name: 'Page 1' },
          'shape:c': { typeName: 'shape', type: 'arrow', props: {} },
        },
      },
    };
    expect(mapPlainText(JSON.stringify(snapshot)).split('\n').sort()).toEqual(['Ana', 'steering group']);
  });

  it('yields nothing for what it cannot read', () => {
    expect(mapPlainText('not json')).toBe('');
    expect(mapPlainText('null')).toBe('');
    expect(mapPlainText('{"document": {"store": 3}}')).toBe('');
  });
});
