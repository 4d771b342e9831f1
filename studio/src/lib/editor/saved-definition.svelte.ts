/**
 * The definition the editor has open from the API (`#/definitions/:id`): which one it is, what the API holds, and
 * saving, validating and publishing it. Unsaved edits are also kept in this browser per definition id, because the
 * API only accepts a draft once it is valid and a half-finished edit should survive a reload.
 */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { ApiError } from '../api/api-client';
import { definitionsApi } from '../definitions/definitions-api';
import type { DefinitionDetail } from '../definitions/definition-types';
import { dropBackup, keepBackup, readBackup, sameDocument } from '../definitions/local-backup';
import { nextVersionNumber, publishBlocker, saveStateLabel } from '../definitions/publish-readiness';
import { locateServerProblems } from '../definitions/server-problems';
import { versionLabel, versionToEdit } from '../definitions/version-labels';
import { editor, LOCAL_DRAFT_KEY } from './editor-state.svelte';

class SavedDefinition {
  /** null while the editor holds a local draft (`#/editor`). */
  id = $state<string | null>(null);
  detail = $state.raw<DefinitionDetail | null>(null);
  /** The document the API holds for the open draft (or the newest version when there is no draft). */
  serverDocument = $state.raw<WorkflowDefinition | null>(null);
  hasDraft = $state(false);
  loading = $state(false);
  loadError = $state('');
  saving = $state(false);
  saveError = $state('');
  /** Words about the last server check or publish, for the toolbar. */
  notice = $state('');
  /** The draft a server check's words are about: once it is edited, they no longer describe it and are not shown. */
  noticeFor = $state.raw<WorkflowDefinition | null>(null);
  shownNotice = $derived(this.noticeFor === null || this.noticeFor === editor.definition ? this.notice : '');
  restoredBackupAt = $state<string | null>(null);
  publishedVersion = $state<number | null>(null);

  dirty = $derived(Boolean(this.id && editor.definition && this.serverDocument && !sameDocument(editor.definition, this.serverDocument)));
  saveState = $derived(saveStateLabel({ saving: this.saving, dirty: this.dirty, hasDraft: this.hasDraft, saveError: this.saveError }));
  publishBlocker = $derived(publishBlocker({ problems: editor.errors.length, dirty: this.dirty, hasDraft: this.hasDraft, busy: this.saving }));
  nextVersion = $derived(nextVersionNumber(this.detail?.versions ?? []));
  /** What the toolbar says is open: "draft v2" while a draft exists, else the newest version, e.g. "published v1". */
  openedLabel = $derived(this.hasDraft ? `draft v${this.nextVersion}` : versionLabel(this.detail?.versions.reduce<DefinitionDetail['versions'][number] | null>((newest, version) => (!newest || version.version > newest.version ? version : newest), null)));

  async load(id: string) {
    this.id = id;
    this.loading = true;
    this.loadError = '';
    this.reset();
    try {
      const detail = await definitionsApi.get(id);
      if (this.id !== id) return;
      const open = versionToEdit(detail);
      if (!open) throw new Error(`${detail.name} has no version to edit.`);
      this.detail = detail;
      this.serverDocument = open.document;
      this.hasDraft = open.status === 'draft';
      editor.open(open.document);
      const backup = readBackup(localStorage, id);
      // The backup is applied as an edit on top of the server's document, so one undo shows what the API holds.
      if (backup && !sameDocument(backup.definition, open.document)) {
        editor.apply(backup.definition);
        this.restoredBackupAt = backup.savedAt;
      }
    } catch (error) {
      if (this.id === id) this.loadError = (error as Error).message;
    } finally {
      if (this.id === id) this.loading = false;
    }
  }

  /** Leaves API mode: the editor now holds a local draft. */
  close() {
    this.id = null;
    this.detail = null;
    this.serverDocument = null;
    this.reset();
  }

  /**
   * Called on every change of the draft: keeps (or drops) this browser's copy of unsaved edits. A refusal of the
   * save before is about a draft that is no longer there, so its words go.
   */
  draftChanged() {
    this.saveError = '';
    if (!this.id || !editor.definition || !this.serverDocument) return;
    keepBackup(localStorage, this.id, editor.definition, this.serverDocument);
  }

  discardBackup() {
    if (!this.id || !this.serverDocument) return;
    dropBackup(localStorage, this.id);
    editor.apply(this.serverDocument);
    this.restoredBackupAt = null;
  }

  /** PATCHes the open draft; true when the API took it. */
  async save(): Promise<boolean> {
    const definition = editor.definition;
    if (!this.id || !definition || this.saving) return false;
    this.saving = true;
    this.saveError = '';
    this.notice = '';
    try {
      await definitionsApi.saveDraft(this.id, definition);
      this.serverDocument = definition;
      this.hasDraft = true;
      this.restoredBackupAt = null;
      dropBackup(localStorage, this.id);
      await this.refreshDetail();
      return true;
    } catch (error) {
      this.saveError = error instanceof ApiError && error.fieldErrors.length ? `${error.message}: see the problems below.` : (error as Error).message;
      if (error instanceof ApiError) editor.serverErrors = { for: definition, errors: locateServerProblems(definition, error.fieldErrors) };
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Asks the API to check the open draft (as publishing would), and draws what it finds on the graph. */
  async validate() {
    const definition = editor.definition;
    if (!definition) return;
    this.notice = 'Checking…';
    this.noticeFor = definition;
    try {
      const answer = await definitionsApi.validate(definition);
      editor.serverErrors = { for: definition, errors: locateServerProblems(definition, answer.errors) };
      this.notice = answer.valid ? 'The server finds no problems.' : `The server finds ${answer.errors.length} ${answer.errors.length === 1 ? 'problem' : 'problems'}.`;
    } catch (error) {
      this.notice = `Could not check: ${(error as Error).message}`;
    }
  }

  /** Saves unsaved edits, then publishes the draft; answers the new version number. */
  async publish(): Promise<number | null> {
    if (!this.id || this.publishBlocker) return null;
    this.saveError = '';
    if ((this.dirty || !this.hasDraft) && !(await this.save())) return null;
    this.saving = true;
    try {
      const published = await definitionsApi.publish(this.id);
      this.hasDraft = false;
      this.publishedVersion = published.version;
      await this.refreshDetail();
      // Said last, so the words appear once everything they imply (labels, version list) is up to date.
      this.noticeFor = null;
      this.notice = `Published version ${published.version}.`;
      return published.version;
    } catch (error) {
      this.saveError = (error as Error).message;
      if (error instanceof ApiError && editor.definition) editor.serverErrors = { for: editor.definition, errors: locateServerProblems(editor.definition, error.fieldErrors) };
      return null;
    } finally {
      this.saving = false;
    }
  }

  private async refreshDetail() {
    if (!this.id) return;
    try {
      this.detail = await definitionsApi.get(this.id);
    } catch {
      // The version list is a convenience for labels; the save itself already succeeded.
    }
  }

  private reset() {
    this.detail = null;
    this.serverDocument = null;
    this.hasDraft = false;
    this.saveError = '';
    this.notice = '';
    this.noticeFor = null;
    this.restoredBackupAt = null;
    this.publishedVersion = null;
  }
}

export const savedDefinition = new SavedDefinition();

/** Opens `definition` as the local draft (`#/editor`), leaving any definition opened through the API. */
export function openLocalDraft(definition: WorkflowDefinition) {
  savedDefinition.close();
  editor.open(definition);
  localStorage.setItem(LOCAL_DRAFT_KEY, JSON.stringify(definition));
  location.hash = '#/editor';
}
