// What other features may use of the live status; everything else here is the feature's own.
export { SaveProgress } from './components/save-progress';
export { StatusCell } from './components/status-cell';
export type { StatusesByName } from './lib/status-of';
