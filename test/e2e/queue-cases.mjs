// What queue mode checks beyond the workflow cases (lib/stages/queue-mode.mjs): the webhook
// workflow and its body, the published Crayon Trigger's first poll, and the list searches
// behind "From list" as the editor calls them.
import { check, checkEqual, pick } from './lib/check.mjs';

/** The webhook workflow run in queue mode, and the body it is called with. */
export const QUEUE_CASE = {
	file: 'queue-webhook-nce-order.json',
	webhookPath: 'crayon-e2e-nce-order',
	node: 'Order NCE licences',
	body: {
		customerTenantId: 123,
		partNumber: 'CFQ7TTC0LF8R:0001',
		quantity: 7,
		billingCycle: 2,
		termDuration: 'P1Y',
	},
};

/**
 * The polling trigger, published in queue mode, its customer tenant chosen "From list".
 * Activating the workflow runs its first poll: every subscription of the tenant, each once, as
 * "new" (Simplify on), and its cursor (one fingerprint per subscription) in the workflow's
 * static data.
 */
export const TRIGGER_CASE = {
	file: 'queue-crayon-trigger.json',
	node: 'Crayon Trigger',
	customerTenantId: 123,
	/** A poll: one page of the tenant's subscriptions. */
	pollRequest: {
		method: 'GET',
		path: '/api/v1/subscriptions',
		// Every status: Crayon's own default when none is sent is undocumented.
		query: { customerTenantId: '123', statuses: '511', page: '1', pageSize: '50' },
		status: 200,
	},
	verify({ items, subscriptions, staticData }) {
		const node = TRIGGER_CASE.node;
		check(items.length > 0, `"${node}" output no items`, { node });
		checkEqual(
			Object.keys(items[0].json),
			[
				'Event',
				'Id',
				'Name',
				'Status',
				'Quantity',
				'PartNumber',
				'ProductName',
				'CustomerTenantId',
				'OrganizationId',
				'BillingCycle',
				'TermDuration',
				'EndDate',
				'AutoRenewEnabled',
				'CancellationAllowedUntilDate',
			],
			`"${node}" items are not simplified subscriptions with their Event`,
			{ node },
		);
		checkEqual(
			items.map(({ json }) => pick(json, ['Event', 'Id', 'Name', 'Quantity', 'CustomerTenantId'])),
			subscriptions.map((subscription) => ({
				Event: 'new',
				Id: subscription.id,
				Name: subscription.name,
				Quantity: subscription.quantity,
				CustomerTenantId: TRIGGER_CASE.customerTenantId,
			})),
			`the first poll of "${node}" did not output each of customer tenant ${TRIGGER_CASE.customerTenantId}'s subscriptions once, as "new"`,
			{ node },
		);
		const cursor = staticData?.[`node:${node}`];
		checkEqual(
			{ scope: cursor?.scope, subscriptionIds: Object.keys(cursor?.fingerprints ?? {}).sort() },
			{
				scope: `customer tenant ${TRIGGER_CASE.customerTenantId}`,
				subscriptionIds: subscriptions.map((subscription) => String(subscription.id)).sort(),
			},
			`"${node}" did not leave its cursor in the workflow's static data (found ${JSON.stringify(staticData)?.slice(0, 300)})`,
			{ node },
		);
	},
};

const rl = (value = '', cachedResultName) => ({
	__rl: true,
	mode: 'list',
	value,
	...(cachedResultName ? { cachedResultName } : {}),
});

/**
 * The list searches behind "From list", called as the editor calls them (n8n's REST API,
 * POST /rest/dynamic-node-parameters/resource-locator-results), with the Crayon request each
 * must send and the entries it must offer.
 */
export const LIST_SEARCH_CASES = [
	{
		title: 'Customer Tenant "From list" (Subscription → Create), search "fabrikam"',
		request: {
			nodeType: 'n8n-nodes-crayon.crayon',
			path: 'parameters.customerTenantId',
			methodName: 'searchCustomerTenants',
			currentNodeParameters: {
				resource: 'subscription',
				operation: 'create',
				productType: 'legacy',
				customerTenantId: rl(),
			},
			filter: 'fabrikam',
		},
		requests: () => [
			{
				method: 'GET',
				path: '/api/v1/customertenants',
				query: { search: 'fabrikam', page: '1', pageSize: '50' },
				status: 200,
			},
		],
		verify(result, { SEED }) {
			checkEqual(
				result,
				{
					results: [
						{ name: 'Fabrikam Inc (fabrikam, ID 486)', value: String(SEED.legacyTenantId) },
					],
				},
				'the search did not offer exactly Fabrikam Inc',
			);
		},
	},
	{
		title:
			'Add-On Offer "From list" (Subscription → Add Add-On), subscription 5001 chosen "From list"',
		request: {
			nodeType: 'n8n-nodes-crayon.crayon',
			path: 'parameters.offerId',
			methodName: 'searchAddonOffers',
			currentNodeParameters: {
				resource: 'subscription',
				operation: 'addAddon',
				subscriptionId: rl('5001', 'My subscription (Active, quantity 25, ID 5001)'),
				offerId: rl(),
				quantity: 1,
			},
		},
		requests: (SEED) => [
			{
				method: 'GET',
				path: `/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addon-offers`,
				query: { page: '1', pageSize: '50' },
				status: 200,
			},
		],
		verify(result, { SEED }) {
			checkEqual(
				result,
				{
					results: [
						{
							name: `Audio Conferencing (legacy CSP add-on) (${SEED.addonOfferId})`,
							value: SEED.addonOfferId,
						},
						{
							name: `Office 365 Extra File Storage (legacy CSP add-on) (${SEED.secondAddonOfferId})`,
							value: SEED.secondAddonOfferId,
						},
					],
				},
				"the list is not subscription 5001's two add-on offers",
			);
		},
	},
	{
		title: 'Subscription "From list" (Subscription → Get), scrolled to the second page',
		request: {
			nodeType: 'n8n-nodes-crayon.crayon',
			path: 'parameters.subscriptionId',
			methodName: 'searchSubscriptions',
			currentNodeParameters: {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: rl(),
				simplify: true,
			},
			paginationToken: 2,
		},
		requests: () => [
			{
				method: 'GET',
				path: '/api/v1/subscriptions',
				// Every status, as the SDK asks: Crayon's own default is undocumented.
				query: { statuses: '511', page: '2', pageSize: '50' },
				status: 200,
			},
		],
		verify(result, { SEED }) {
			const first = SEED.firstSubscriptionId + 50;
			checkEqual(
				{
					values: result?.results?.map((entry) => entry.value),
					// The ID first, where a long label is not cut off.
					namesStartWithId: result?.results?.every((entry) =>
						entry.name.startsWith(`${entry.value} · `),
					),
					paginationToken: result?.paginationToken,
				},
				// n8n 2.41 hands a numeric pagination token to the editor as a string.
				{
					values: Array.from({ length: 50 }, (_, index) => String(first + index)),
					namesStartWithId: true,
					paginationToken: '3',
				},
				'page 2 of the subscription list is not subscriptions 5051-5100 with a token for page 3',
			);
		},
	},
	{
		title:
			'Part Number "From list" (New Commerce Order → Create), customer tenant 123 chosen "From list", search "microsoft 365 e5"',
		request: {
			nodeType: 'n8n-nodes-crayon.crayon',
			path: 'parameters.partNumber',
			methodName: 'searchProducts',
			currentNodeParameters: {
				resource: 'newCommerceOrder',
				operation: 'create',
				customerTenantId: rl('123', 'Contoso Ltd (contoso, ID 123)'),
				partNumber: rl(),
				quantity: 1,
			},
			filter: 'microsoft 365 e5',
		},
		requests: (SEED) => [
			{
				method: 'GET',
				path: '/api/v1/agreementproducts',
				query: {
					customerTenantId: String(SEED.tenantId),
					search: 'microsoft 365 e5',
					page: '1',
					pageSize: '50',
				},
				status: 200,
			},
		],
		verify(result, { SEED }) {
			checkEqual(
				result,
				{
					results: ['P1M', 'P1Y', 'P3Y'].map((term) => ({
						name: `Microsoft 365 E5 (${term}, ${SEED.e5PartNumber})`,
						value: SEED.e5PartNumber,
					})),
				},
				"the list is not Microsoft 365 E5's three terms in tenant 123's catalogue",
			);
		},
	},
	{
		title:
			'Product "From list" of an order line (Order → Verify), Reseller Customer ID 486 chosen "By ID", search "visio"',
		request: {
			nodeType: 'n8n-nodes-crayon.crayon',
			path: 'parameters.orderLines.line[0].product',
			methodName: 'searchProducts',
			currentNodeParameters: {
				resource: 'order',
				operation: 'verify',
				resellerCustomerId: { __rl: true, mode: 'id', value: '486' },
				orderLinesInput: 'fields',
				orderLines: { line: [{ product: rl(), quantity: 1, termDuration: 'P1M', type: 3 }] },
			},
			filter: 'visio',
		},
		requests: (SEED) => [
			{
				method: 'GET',
				path: '/api/v1/agreementproducts',
				query: {
					customerTenantId: String(SEED.legacyTenantId),
					search: 'visio',
					page: '1',
					pageSize: '50',
				},
				status: 200,
			},
		],
		verify(result, { SEED }) {
			checkEqual(
				result?.results?.map((entry) => entry.name),
				[
					`Visio Plan 1 (P1M, ${SEED.secondNcePartNumber})`,
					`Visio Plan 1 (P1Y, ${SEED.secondNcePartNumber})`,
					'Visio Plan 2 (P1M, CFQ7TTC0HD32:0001)',
					'Visio Plan 2 (P1Y, CFQ7TTC0HD32:0001)',
				],
				"the list is not tenant 486's Visio products",
			);
		},
	},
];
