export * as checkout from './checkout.operation';
export * as verify from './verify.operation';
export * as getItems from './getItems.operation';
