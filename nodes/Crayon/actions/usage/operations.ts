export * as getOrganizationCost from './getOrganizationCost.operation';
export * as getSubscriptionCost from './getSubscriptionCost.operation';
export * as getAzureUsageFileLink from './getAzureUsageFileLink.operation';
