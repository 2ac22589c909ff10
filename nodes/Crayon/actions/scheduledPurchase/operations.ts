export * as cancel from './cancel.operation';
export * as getMany from './getMany.operation';
