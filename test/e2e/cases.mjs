// What each workflow in test/e2e/workflows must do in a real n8n: exit code, output items,
// and the exact requests the simulator receives (bodies as Crayon's documentation shows them).
import { check, checkEqual } from './lib/report.mjs';

const SUBSCRIPTIONS = '/api/v1/subscriptions/';
const NCE_ORDERS = '/api/v1/subscriptions/new-commerce-orders';
const VERIFY = '/api/v1/purchaserequest/verify';
const CHECKOUT = '/api/v1/purchaserequest/checkout';

/** Item i of a node's output must come from input item i. */
function checkPairing(items, node) {
	items.forEach((item, index) => {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		checkEqual(
			paired?.item ?? paired,
			index,
			`output item ${index} of "${node}" is paired with the wrong input item`,
			{ node },
		);
	});
}

function pick(object, keys) {
	return Object.fromEntries(keys.map((key) => [key, object?.[key]]));
}

/**
 * Each case: `file` in test/e2e/workflows, the Crayon node names, the expected exit code,
 * and `verify(ctx)` (see runWorkflowCase in run.mjs for what ctx offers).
 */
export const CASES = [
	{
		file: 'subscription-create.json',
		crayonNodes: ['Create subscription'],
		exitCode: 0,
		purchases: 2,
		verify({ items, expectRequests, SEED }) {
			const node = 'Create subscription';
			expectRequests(
				[
					{
						method: 'POST',
						path: SUBSCRIPTIONS,
						status: 200,
						body: {
							name: 'Contoso E3',
							customerTenant: { id: SEED.tenantId },
							product: { partNumber: SEED.ncePartNumber },
							quantity: 5,
							billingCycle: 1,
							termDuration: 'P1M',
						},
					},
					{
						method: 'POST',
						path: SUBSCRIPTIONS,
						status: 200,
						body: {
							name: 'Contoso Visio',
							customerTenant: { id: SEED.tenantId },
							product: { partNumber: SEED.secondNcePartNumber },
							quantity: 2,
							billingCycle: 2,
							termDuration: 'P1Y',
						},
					},
				],
				node,
			);
			const out = items(node);
			checkEqual(
				out.map(({ json }) => ({
					idIsNumber: Number.isInteger(json.Id),
					partNumber: json.Product?.PartNumber,
					quantity: json.Quantity,
					tenant: json.CustomerTenant?.Id,
					billingCycle: json.BillingCycle,
					termDuration: json.TermDuration,
				})),
				[
					{
						idIsNumber: true,
						partNumber: SEED.ncePartNumber,
						quantity: 5,
						tenant: SEED.tenantId,
						billingCycle: 1,
						termDuration: 'P1M',
					},
					{
						idIsNumber: true,
						partNumber: SEED.secondNcePartNumber,
						quantity: 2,
						tenant: SEED.tenantId,
						billingCycle: 2,
						termDuration: 'P1Y',
					},
				],
				`"${node}" output items are not the two created subscriptions`,
				{ node },
			);
			checkPairing(out, node);
		},
	},
	{
		file: 'legacy-subscription-addon.json',
		crayonNodes: ['Create legacy subscription', 'Add add-on'],
		exitCode: 0,
		purchases: 4,
		verify({ items, expectRequests, SEED }) {
			const created = items('Create legacy subscription');
			check(
				created.length === 2,
				`"Create legacy subscription" output ${created.length} items, expected 2`,
				{ node: 'Create legacy subscription' },
			);
			const [first, second] = created.map(({ json }) => json.Id);
			check(
				Number.isInteger(first) && Number.isInteger(second),
				'created subscriptions have no numeric Id',
				{ node: 'Create legacy subscription' },
			);
			const legacy = (name, quantity) => ({
				method: 'POST',
				path: SUBSCRIPTIONS,
				status: 200,
				body: {
					name,
					customerTenant: { id: SEED.legacyTenantId },
					product: { partNumber: SEED.legacyPartNumber },
					quantity,
				},
			});
			// n8n runs node by node: both creates, then both add-ons (on the ids Crayon returned).
			expectRequests(
				[
					legacy('Fabrikam legacy E3', 10),
					legacy('Fabrikam legacy E3 (lab)', 1),
					{
						method: 'POST',
						path: `/api/v1/subscriptions/${first}/addons`,
						status: 200,
						body: {
							Quantity: 3,
							OfferId: SEED.addonOfferId,
							SubscriptionTags: { CostCenter: 'CC-42' },
						},
					},
					{
						method: 'POST',
						path: `/api/v1/subscriptions/${second}/addons`,
						status: 200,
						body: { Quantity: 1, OfferId: SEED.secondAddonOfferId },
					},
				],
				'Create legacy subscription / Add add-on',
			);
			const addons = items('Add add-on');
			checkEqual(
				addons.map(({ json }) => json),
				[
					{
						accepted: true,
						subscriptionId: first,
						offerId: SEED.addonOfferId,
						quantity: 3,
						subscriptionTags: { CostCenter: 'CC-42' },
					},
					{ accepted: true, subscriptionId: second, offerId: SEED.secondAddonOfferId, quantity: 1 },
				],
				'"Add add-on" output items are wrong',
				{ node: 'Add add-on' },
			);
			checkPairing(addons, 'Add add-on');
		},
	},
	{
		// Resource Locators set "From list" (mode list, as the editor stores a picked entry, with its
		// cachedResultName): the node must send the picked value, not the display name.
		file: 'list-search-values.json',
		crayonNodes: ['Add add-on (chosen from list)', 'Get subscription (chosen from list)'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectRequests, SEED }) {
			const subscriptionId = SEED.addonCapableSubscriptionId;
			expectRequests(
				[
					{
						method: 'POST',
						path: `/api/v1/subscriptions/${subscriptionId}/addons`,
						status: 200,
						body: { Quantity: 2, OfferId: SEED.secondAddonOfferId },
					},
					{ method: 'GET', path: `/api/v1/subscriptions/${subscriptionId}`, status: 200 },
				],
				'Add add-on (chosen from list) / Get subscription (chosen from list)',
			);
			const addNode = 'Add add-on (chosen from list)';
			checkEqual(
				items(addNode).map(({ json }) => json),
				[{ accepted: true, subscriptionId, offerId: SEED.secondAddonOfferId, quantity: 2 }],
				`"${addNode}" output items are wrong`,
				{ node: addNode },
			);
			const getNode = 'Get subscription (chosen from list)';
			const got = items(getNode);
			checkEqual(
				got.map(({ json }) => ({
					Id: json.Id,
					addons: (json.Subscriptions ?? []).map((addon) => ({
						partNumber: addon.Product?.PartNumber,
						quantity: addon.Quantity,
					})),
				})),
				[{ Id: subscriptionId, addons: [{ partNumber: SEED.secondAddonOfferId, quantity: 2 }] }],
				`"${getNode}" did not output subscription ${subscriptionId} with the add-on just bought`,
				{ node: getNode },
			);
			checkPairing(got, getNode);
		},
	},
	{
		file: 'nce-order-wait.json',
		crayonNodes: ['Order NCE licences'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectRequests, SEED }) {
			const node = 'Order NCE licences';
			const [order] = items(node);
			check(order, `"${node}" output no item`, { node });
			const { NewCommerceOrderId: orderId, SubscriptionId, SubscriptionIds } = order.json;
			check(
				typeof orderId === 'string' && orderId.length > 0,
				`"${node}" output has no NewCommerceOrderId`,
				{ node },
			);
			expectRequests(
				[
					{
						method: 'POST',
						path: NCE_ORDERS,
						status: 200,
						body: {
							customerTenantId: SEED.tenantId,
							billingCycle: 1,
							partNumber: SEED.secondNcePartNumber,
							quantity: 3,
							termDuration: 'P1M',
						},
					},
					// Polled until Crayon has processed the order (the simulator takes ~1 s).
					{ method: 'GET', path: `${NCE_ORDERS}/${orderId}`, status: 200, repeat: '+' },
				],
				node,
			);
			checkEqual(
				{
					...pick(order.json, ['IsSuccessful', 'WaitTimedOut']),
					subscriptionIdIsNumber: Number.isInteger(SubscriptionId),
					ids: SubscriptionIds,
				},
				{
					IsSuccessful: true,
					WaitTimedOut: undefined,
					subscriptionIdIsNumber: true,
					ids: [SubscriptionId],
				},
				`"${node}" did not output the new subscription ID`,
				{ node },
			);
		},
	},
	{
		file: 'order-verify-checkout.json',
		crayonNodes: ['Verify order', 'Check out order'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectRequests, SEED, state }) {
			const typed = {
				resellerCustomerId: SEED.tenantId,
				orderLines: [
					{
						billingCycle: 1,
						productId: SEED.nceProductId,
						skuId: SEED.nceSkuId,
						productVariantId: SEED.nceProductVariantId,
						quantity: 4,
						termDuration: 'P1M',
						type: 3,
					},
				],
			};
			// Checkout sends the verified order as Crayon returned it: the typed lines plus the
			// catalog item id, and the tenant's country code.
			const verified = {
				resellerCustomerId: SEED.tenantId,
				countryCode: state.tenants.get(SEED.tenantId).countryCode,
				orderLines: [{ ...typed.orderLines[0], catalogItemId: SEED.nceCatalogItemId }],
			};
			expectRequests(
				[
					{ method: 'POST', path: VERIFY, status: 200, body: typed },
					// Checkout verifies again right before buying (Verify Before Checkout is on).
					{ method: 'POST', path: VERIFY, status: 200, body: verified },
					// Crayon documents 204 with an empty body for a successful checkout.
					{ method: 'POST', path: CHECKOUT, status: 204, body: verified },
				],
				'Verify order / Check out order',
			);
			const [checkedOut] = items('Check out order');
			checkEqual(
				pick(checkedOut?.json, ['checkedOut', 'statusCode', 'verifiedBeforeCheckout', 'order']),
				{ checkedOut: true, statusCode: 204, verifiedBeforeCheckout: true, order: verified },
				'"Check out order" output is wrong',
				{ node: 'Check out order' },
			);
		},
	},
	{
		file: 'addon-refused.json',
		crayonNodes: ['Add add-on to suspended subscription'],
		// Crayon answers `false` for a suspended subscription: the node must fail the run.
		exitCode: 1,
		purchases: 0,
		verify({ nodeErrors, expectRequests, SEED }) {
			const node = 'Add add-on to suspended subscription';
			expectRequests(
				[
					{
						method: 'POST',
						path: `/api/v1/subscriptions/${SEED.suspendedSubscriptionId}/addons`,
						status: 200,
						body: { Quantity: 1, OfferId: SEED.addonOfferId },
					},
				],
				node,
			);
			const error = nodeErrors.find((entry) => entry.node === node);
			check(error, `n8n reported no error for "${node}"`, { node });
			check(
				String(error.error.message).includes(
					`did not accept add-on ${SEED.addonOfferId} for subscription ${SEED.suspendedSubscriptionId}`,
				),
				`"${node}" failed with an unexpected message: ${error.error.message}`,
				{ node },
			);
		},
	},
];

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
		query: { customerTenantId: '123', page: '1', pageSize: '50' },
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
				'TermDuration',
				'CommitmentEndDate',
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
		title: 'Offer ID "From list" (Subscription → Add Add-On), subscription 5001 chosen "From list"',
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
				query: { page: '2', pageSize: '50' },
				status: 200,
			},
		],
		verify(result, { SEED }) {
			const first = SEED.firstSubscriptionId + 50;
			checkEqual(
				{
					values: result?.results?.map((entry) => entry.value),
					namesEndWithId: result?.results?.every((entry) =>
						entry.name.endsWith(`, ID ${entry.value})`),
					),
					paginationToken: result?.paginationToken,
				},
				// n8n 2.41 hands a numeric pagination token to the editor as a string.
				{
					values: Array.from({ length: 50 }, (_, index) => String(first + index)),
					namesEndWithId: true,
					paginationToken: '3',
				},
				'page 2 of the subscription list is not subscriptions 5051-5100 with a token for page 3',
			);
		},
	},
];
