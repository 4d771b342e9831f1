/** Whether the open definition can be published now, and if not, why (shown as the Publish button's hint). */

export interface PublishFacts {
  problems: number;
  /** The editor holds edits the API does not have yet (publishing saves them first). */
  dirty: boolean;
  /** The API holds a draft (saved edits not yet published). */
  hasDraft: boolean;
  busy: boolean;
}

export function publishBlocker(facts: PublishFacts): string | null {
  if (facts.busy) return 'Wait for the current save to finish.';
  if (facts.problems > 0) return `Fix the ${facts.problems === 1 ? 'problem' : `${facts.problems} problems`} first.`;
  if (!facts.dirty && !facts.hasDraft) return 'Nothing to publish: there are no changes since the newest version.';
  return null;
}

/** The number the next publish gives: the draft's own, or one past the newest version when the draft is not saved yet. */
export function nextVersionNumber(versions: Array<{ version: number; status: string }>): number {
  const draft = versions.find((version) => version.status === 'draft');
  if (draft) return draft.version;
  return versions.reduce((newest, version) => Math.max(newest, version.version), 0) + 1;
}

/** The toolbar's words for the save state. */
export function saveStateLabel(state: { saving: boolean; dirty: boolean; hasDraft: boolean; saveError: string }): string {
  if (state.saving) return 'Saving…';
  if (state.saveError) return 'Not saved';
  if (state.dirty) return 'Unsaved changes';
  return state.hasDraft ? 'Saved' : 'No changes';
}
