import { ATTACHMENT_HOSTS, type AttachmentHostType } from '../schema-helpers/attachment-hosts';

/** An attachment's entity_type: a host of ATTACHMENT_HOSTS, or a workflow run (approval tasks of runs with no entity). */
export type AttachmentEntityType = AttachmentHostType | 'workflow_run';

// Migration 1100 lets attachments hang on workflow_runs, but ATTACHMENT_HOSTS has not been extended yet;
// the models must accept every entity_type the database does, and the Set keeps this right once it is.
export const ATTACHMENT_HOST_TYPES = [...new Set([...Object.keys(ATTACHMENT_HOSTS), 'workflow_run'])] as AttachmentEntityType[];
