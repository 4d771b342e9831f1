/** One row of a run's timeline as the runs API answers it; the studio reads the same type (no Temporal imports here). */
export interface TimelineEntry {
  at: string;
  kind: string;
  /** The activity, timer, signal or child workflow the entry is about. */
  name?: string;
  attempt?: number;
  message?: string;
  /** When a started timer is due (UTC instant). */
  due_at?: string;
  /** The event an `event` signal delivered (payment.received, …). */
  event?: string;
  /** For a definition's action (the executeAction activity): the action and the step that ran it. */
  action?: string;
  step?: string;
}
