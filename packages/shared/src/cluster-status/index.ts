export * from './status.schema';
export * from './derive-status';
export * from './project-resource';
export * from './same-spec';
export * from './status-words';
export * from './resource-digest';
export * from './digest-columns';
