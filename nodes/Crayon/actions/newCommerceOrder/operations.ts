export * as create from './create.operation';
export * as getSubscriptionIds from './getSubscriptionIds.operation';
