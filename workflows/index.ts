// The worker's workflow bundle entry: every workflow type Ledgerflow registers.
export { runDefinition } from './run-definition';
