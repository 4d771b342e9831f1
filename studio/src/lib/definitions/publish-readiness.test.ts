import { nextVersionNumber, publishBlocker, saveStateLabel } from './publish-readiness';

describe('publishBlocker', () => {
  it('allows publishing saved or unsaved changes of a valid draft', () => {
    expect(publishBlocker({ problems: 0, dirty: true, hasDraft: false, busy: false })).toBeNull();
    expect(publishBlocker({ problems: 0, dirty: false, hasDraft: true, busy: false })).toBeNull();
  });

  it('blocks an invalid draft, naming how many problems', () => {
    expect(publishBlocker({ problems: 1, dirty: true, hasDraft: true, busy: false })).toBe('Fix the problem first.');
    expect(publishBlocker({ problems: 3, dirty: true, hasDraft: true, busy: false })).toBe('Fix the 3 problems first.');
  });

  it('blocks publishing nothing new, and publishing during a save', () => {
    expect(publishBlocker({ problems: 0, dirty: false, hasDraft: false, busy: false })).toMatch(/^Nothing to publish/);
    expect(publishBlocker({ problems: 0, dirty: true, hasDraft: true, busy: true })).toMatch(/^Wait/);
  });
});

describe('nextVersionNumber', () => {
  it('is the draft\'s number when there is a draft, else one past the newest', () => {
    expect(nextVersionNumber([{ version: 1, status: 'published' }, { version: 2, status: 'draft' }])).toBe(2);
    expect(nextVersionNumber([{ version: 1, status: 'archived' }, { version: 2, status: 'published' }])).toBe(3);
    expect(nextVersionNumber([])).toBe(1);
  });
});

describe('saveStateLabel', () => {
  it('reads the state of the draft', () => {
    expect(saveStateLabel({ saving: true, dirty: true, hasDraft: false, saveError: '' })).toBe('Saving…');
    expect(saveStateLabel({ saving: false, dirty: true, hasDraft: true, saveError: '' })).toBe('Unsaved changes');
    expect(saveStateLabel({ saving: false, dirty: true, hasDraft: true, saveError: 'refused' })).toBe('Not saved');
    expect(saveStateLabel({ saving: false, dirty: false, hasDraft: true, saveError: '' })).toBe('Saved');
    expect(saveStateLabel({ saving: false, dirty: false, hasDraft: false, saveError: '' })).toBe('No changes');
  });
});
