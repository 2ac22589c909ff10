// What each workflow in test/e2e/workflows must do in a real n8n: exit code, output items,
// and the exact requests the simulator receives (bodies as Crayon's documentation shows them).
// How to add a case: README.md, "Adding a workflow case".
import { check, checkEqual, pick } from './lib/check.mjs';

const SUBSCRIPTIONS = '/api/v1/subscriptions/';
const NCE_ORDERS = '/api/v1/subscriptions/new-commerce-orders';
const VERIFY = '/api/v1/purchaserequest/verify';
const CHECKOUT = '/api/v1/purchaserequest/checkout';

/**
 * Each case: `file` in test/e2e/workflows; `exitCode` of `n8n execute` (default 0); `purchases`,
 * the purchases the simulator must have processed; `crayonNodes`, the nodes named in a failure
 * report (default: every Crayon node); and `verify(ctx)`, with ctx from lib/case-context.mjs:
 * `items(node, output)`, `outputs`, `expectOutputSizes`, `expectPairedItems`, `nodeError`,
 * `expectRequests`, `expectNoSecrets`, `apiRequests`, `execution`, `SEED`, `state`.
 */
export const CASES = [
	{
		file: 'subscription-create.json',
		crayonNodes: ['Create subscription'],
		exitCode: 0,
		purchases: 2,
		verify({ items, expectOutputSizes, expectPairedItems, expectRequests, expectNoSecrets, SEED }) {
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
			expectOutputSizes(node, [2]);
			expectPairedItems(node);
			expectNoSecrets();
		},
	},
	{
		file: 'legacy-subscription-addon.json',
		crayonNodes: ['Create legacy subscription', 'Add add-on'],
		exitCode: 0,
		purchases: 4,
		verify({ items, expectOutputSizes, expectPairedItems, expectRequests, expectNoSecrets, SEED }) {
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
			expectOutputSizes('Add add-on', [2]);
			expectPairedItems('Add add-on');
			expectNoSecrets();
		},
	},
	{
		// Resource Locators set "From list" (mode list, as the editor stores a picked entry, with its
		// cachedResultName): the node must send the picked value, not the display name.
		file: 'list-search-values.json',
		crayonNodes: ['Add add-on (chosen from list)', 'Get subscription (chosen from list)'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectPairedItems, expectRequests, expectNoSecrets, SEED }) {
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
			expectPairedItems(getNode);
			expectNoSecrets();
		},
	},
	{
		file: 'nce-order-wait.json',
		crayonNodes: ['Order NCE licences'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectOutputSizes, expectRequests, expectNoSecrets, SEED }) {
			const node = 'Order NCE licences';
			expectOutputSizes(node, [1]);
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
			expectNoSecrets();
		},
	},
	{
		file: 'order-verify-checkout.json',
		crayonNodes: ['Verify order', 'Check out order'],
		exitCode: 0,
		purchases: 1,
		verify({ items, expectOutputSizes, expectRequests, expectNoSecrets, SEED, state }) {
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
			expectOutputSizes('Verify order', [1]);
			expectOutputSizes('Check out order', [1]);
			expectNoSecrets();
		},
	},
	{
		file: 'addon-refused.json',
		crayonNodes: ['Add add-on to suspended subscription'],
		// Crayon answers `false` for a suspended subscription: the node must fail the run.
		exitCode: 1,
		purchases: 0,
		verify({ nodeError, expectRequests, expectNoSecrets, SEED }) {
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
			const error = nodeError(node);
			check(
				String(error.message).includes(
					`did not accept add-on ${SEED.addonOfferId} for subscription ${SEED.suspendedSubscriptionId}`,
				),
				`"${node}" failed with an unexpected message: ${error.message}`,
				{ node },
			);
			// The error n8n stores (message, description, the request behind it) holds no secret.
			expectNoSecrets();
		},
	},
];
