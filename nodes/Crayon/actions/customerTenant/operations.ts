export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as acceptMicrosoftCustomerAgreement from './acceptMicrosoftCustomerAgreement.operation';
export * as create from './create.operation';
export * as getAgreements from './getAgreements.operation';
export * as linkExisting from './linkExisting.operation';
