export * from './batch-order';
export * from './run-batch';
export * from './change-summary';
