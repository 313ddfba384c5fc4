export * from './cluster-fields';
export * from './redaction';
export * from './history.schema';
