export * as getMany from './getMany.operation';
export * as downloadFile from './downloadFile.operation';
