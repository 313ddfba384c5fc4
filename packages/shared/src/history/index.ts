export * from './cluster-fields';
export * from './history.schema';
