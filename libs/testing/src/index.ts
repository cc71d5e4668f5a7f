export * from './factories';
export * from './fake-clock';
export * from './smtp-sink';
export * from './test-app';
export * from './test-database';
export * from './app-process';
