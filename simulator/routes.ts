import { handleToken } from './auth';
import { Router } from './router';
import * as directory from './handlers/directory';
import * as subscriptions from './handlers/subscriptions';
import * as nce from './handlers/nce';
import * as purchaseRequests from './handlers/purchaseRequests';
import { getCoterminosityDates } from './handlers/coterminosity';
import * as billing from './handlers/billing';
import * as catalogue from './handlers/catalogue';
import * as lifecycle from './handlers/lifecycle';
import * as orders from './handlers/orders';
import * as tenants from './handlers/tenants';

/** Every endpoint of the simulator. Paths match case-insensitively, with or without a trailing slash. */
export function createRouter(): Router {
	return new Router()
		.add('POST', '/api/v1/connect/token', handleToken, { auth: false })
		.add('GET', '/api/v1/ping', directory.ping, { auth: false })
		.add('GET', '/api/v1/me', directory.me)
		.add('GET', '/api/v1/organizations', directory.listOrganizations)
		.add('GET', '/api/v1/organizations/{id:int}', directory.getOrganization)
		.add('GET', '/api/v1/customertenants', directory.listCustomerTenants)
		.add('GET', '/api/v1/customertenants/{id:int}', directory.getCustomerTenant)
		.add('GET', '/api/v1/subscriptions', subscriptions.listSubscriptions)
		.add('POST', '/api/v1/subscriptions', subscriptions.createSubscription)
		.add('GET', '/api/v1/subscriptions/{id:int}', subscriptions.getSubscription)
		.add('PUT', '/api/v1/subscriptions/{id:int}', subscriptions.updateSubscription)
		.add('GET', '/api/v1/subscriptions/{id:int}/addon-offers', subscriptions.listAddonOffers)
		.add('POST', '/api/v1/subscriptions/{id:int}/addons', subscriptions.setSubscriptionAddon)
		.add('POST', '/api/v1/subscriptions/new-commerce-orders', nce.createNewCommerceOrder)
		.add(
			'GET',
			'/api/v1/subscriptions/new-commerce-orders/{orderId}',
			nce.getNewCommerceOrderSubscriptions,
		)
		.add('POST', '/api/v1/purchaserequest/verify', purchaseRequests.verifyOrder)
		.add('POST', '/api/v1/assets/verify', purchaseRequests.verifyOrder)
		.add('POST', '/api/v1/purchaserequest/checkout', purchaseRequests.checkoutOrder)
		.add('POST', '/api/v1/assets/checkout', purchaseRequests.checkoutOrder)
		.add('GET', '/api/v2/subscriptions/coterminosity', getCoterminosityDates)
		.add('GET', '/api/v1/billingstatements', billing.listBillingStatements)
		.add(
			'GET',
			'/api/v1/billingstatements/{id:int}/billingrecordsfile',
			billing.getBillingRecordsFile,
		)
		.add(
			'GET',
			'/api/v1/billingstatements/{id:int}/reconciliationfile',
			billing.getReconciliationFile,
		)
		.add('GET', '/api/v1/billingstatements/file/{id:int}', billing.getStatementFile)
		.add('GET', '/api/v1/invoices/{organizationId:int}', billing.listInvoices)
		.add('GET', '/api/v1/orders/{orderId}/items', billing.listOrderItems)
		.add(
			'GET',
			'/api/v1/usagecost/organization/{organizationId:int}',
			billing.getOrganizationUsageCost,
		)
		.add('POST', '/api/v1/usagecost/getForSubscription', billing.getSubscriptionUsageCost)
		.add(
			'GET',
			'/api/v1/azureusage/{azurePlanId:int}/azuresubscriptions/{id:int}/monthlyusage',
			billing.getAzureMonthlyUsage,
		)
		.add('GET', '/api/v1/agreementproducts', catalogue.listAgreementProducts)
		.add(
			'GET',
			'/api/v1/agreementproducts/{partNumber}/supportedbillingcycles',
			catalogue.getSupportedBillingCycles,
		)
		.add('GET', '/api/v1/resellersalesprices', catalogue.listResellerSalesPrices)
		.add('GET', '/api/v1/resellersalesprices/current', catalogue.getCurrentResellerSalesPrice)
		.add(
			'POST',
			'/api/v1/subscriptions/{id:int}/next-term-instructions',
			lifecycle.setNextTermInstructions,
		)
		.add('GET', '/api/v1/subscriptions/{id:int}/tags', lifecycle.getSubscriptionTags)
		.add('POST', '/api/v1/subscriptions/{id:int}/tags', lifecycle.setSubscriptionTags)
		.add(
			'GET',
			'/api/v1/subscriptions/{id:int}/transition-eligibilities/{eligibilityType}',
			lifecycle.listTransitionEligibilities,
		)
		.add('GET', '/api/v1/subscriptions/{id:int}/transitions', lifecycle.listTransitions)
		.add('POST', '/api/v1/subscriptions/{id:int}/transition', lifecycle.createTransition)
		.add('GET', '/api/v1/subscriptions/{id:int}/conversions', lifecycle.listConversions)
		.add('POST', '/api/v1/subscriptions/{id:int}/conversions', lifecycle.convertTrial)
		.add('GET', '/api/v1/purchaserequest/orders', orders.listPurchaseOrders)
		.add('GET', '/api/v1/assets/orders', orders.listAssetOrders)
		.add('GET', '/api/v1/scheduledpurchaserequest', orders.listScheduledRequests)
		.add(
			'PUT',
			'/api/v1/scheduledpurchaserequest/cancel-order/{id:int}/{orderNumber:int}',
			orders.cancelScheduledLine,
		)
		.add('POST', '/api/v1/customertenants', tenants.createCustomerTenant)
		.add('POST', '/api/v1/customertenants/existing', tenants.linkExistingCustomerTenant)
		.add('GET', '/api/v1/customertenants/{id:int}/agreements', tenants.listAgreements)
		.add('POST', '/api/v1/customertenants/{id:int}/agreements', tenants.addAgreement)
		.add('GET', '/api/v1/invoiceprofiles', tenants.listInvoiceProfiles)
		.add('GET', '/api/v1/invoiceprofiles/{id:int}', tenants.getInvoiceProfile);
}
