export * as checkout from './checkout.operation';
export * as verify from './verify.operation';
export * as getItems from './getItems.operation';
export * as getAssetOrders from './getAssetOrders.operation';
export * as getMany from './getMany.operation';
