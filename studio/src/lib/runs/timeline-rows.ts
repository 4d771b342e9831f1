/**
 * The run detail's timeline: the API's entries from Temporal's history turned into rows a tenant admin can read.
 * Scheduling an action is folded into its outcome (one row per attempt outcome); everything else keeps its row.
 */
import type { TimelineEntry } from './run-types';

export interface TimelineRow {
  at: string;
  /** Words for what happened. */
  title: string;
  /** A second line: an error message, a due time. */
  detail?: string;
  tone: 'neutral' | 'good' | 'bad' | 'waiting';
}

/** `2026-11-24T09:30:00.000Z` → `2026-11-24 09:30 UTC`: instants from the API are UTC and said so. */
export function utcMinute(instant: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant);
  return match ? `${match[1]} ${match[2]} UTC` : instant;
}

/** Core actions are activities named after them (`core.sendEmail`); bookkeeping activities get plain words. */
const ACTIVITY_WORDS: Record<string, string> = {
  recordRunStarted: 'Run recorded',
  recordRunClosed: 'Run outcome recorded',
  loadPublishedDefinition: 'Definition loaded',
  createApprovalTask: 'Approval task created',
};

function activityWords(entry: TimelineEntry): string {
  if (entry.action) return entry.step ? `Step ${entry.step}: ${entry.action}` : entry.action;
  return entry.name ? (ACTIVITY_WORDS[entry.name] ?? `Action ${entry.name}`) : 'Action';
}
const attemptWords = (attempt: number | undefined) => (attempt && attempt > 1 ? ` (attempt ${attempt})` : '');

function rowFor(entry: TimelineEntry): Omit<TimelineRow, 'at'> | null {
  switch (entry.kind) {
    case 'started':
      return { title: 'Run started', tone: 'neutral' };
    case 'activity_scheduled':
      return null;
    case 'activity_completed':
      return { title: `${activityWords(entry)} done${attemptWords(entry.attempt)}`, tone: 'good' };
    case 'activity_failed':
      return { title: `${activityWords(entry)} failed on attempt ${entry.attempt ?? 1}`, detail: entry.message, tone: 'bad' };
    case 'activity_timed_out':
      return { title: `${activityWords(entry)} timed out`, tone: 'bad' };
    case 'timer_started':
      return { title: 'Timer set', detail: entry.due_at ? `due ${utcMinute(entry.due_at)}` : undefined, tone: 'waiting' };
    case 'timer_fired':
      return { title: 'Timer fired', tone: 'neutral' };
    case 'signal_received':
      if (entry.name === 'approval') return { title: 'Approval decision received', tone: 'neutral' };
      return { title: entry.event ? `Event ${entry.event} received` : `Signal ${entry.name ?? '(unnamed)'} received`, tone: 'neutral' };
    case 'child_started':
      return { title: 'Sub-flow started', detail: entry.name, tone: 'neutral' };
    case 'child_completed':
      return { title: 'Sub-flow completed', detail: entry.name, tone: 'good' };
    case 'child_failed':
      return { title: 'Sub-flow failed', detail: entry.message ?? entry.name, tone: 'bad' };
    case 'completed':
      return { title: 'Run completed', tone: 'good' };
    case 'failed':
      return { title: 'Run failed', detail: entry.message, tone: 'bad' };
    case 'canceled':
      return { title: 'Run canceled', tone: 'neutral' };
    case 'terminated':
      return { title: 'Run terminated', detail: entry.message, tone: 'bad' };
    case 'continued_as_new':
      return { title: 'Run continued with a fresh history', tone: 'neutral' };
    default:
      return { title: entry.kind.replace(/_/g, ' '), tone: 'neutral' };
  }
}

export function timelineRows(timeline: TimelineEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const entry of timeline) {
    const row = rowFor(entry);
    if (!row) continue;
    rows.push(row.detail ? { at: entry.at, ...row } : { at: entry.at, title: row.title, tone: row.tone });
  }
  return rows;
}
