export * from './regions.ts';
export * from './accounts.ts';
export * from './elders.ts';
export * from './audit.ts';
export * from './operations.ts';
