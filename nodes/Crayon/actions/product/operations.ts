export * as getSalesPrices from './getSalesPrices.operation';
export * as getSupportedBillingCycles from './getSupportedBillingCycles.operation';
export * as search from './search.operation';
