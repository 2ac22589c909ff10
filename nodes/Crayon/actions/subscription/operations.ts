export * as addAddon from './addAddon.operation';
export * as create from './create.operation';
export * as get from './get.operation';
export * as getAddonOffers from './getAddonOffers.operation';
export * as getCoterminosityDates from './getCoterminosityDates.operation';
export * as getMany from './getMany.operation';
export * as updateQuantity from './updateQuantity.operation';
