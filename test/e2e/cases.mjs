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
			/** New Commerce purchases are verified first, every row before the first purchase. */
			const verifyLine = (productId, skuId, quantity, billingCycle, termDuration) => ({
				method: 'POST',
				path: VERIFY,
				status: 200,
				body: {
					resellerCustomerId: SEED.tenantId,
					orderLines: [{ productId, skuId, quantity, billingCycle, termDuration, type: 3 }],
				},
			});
			const [visioProduct, visioSku] = SEED.secondNcePartNumber.split(':');
			expectRequests(
				[
					verifyLine(SEED.nceProductId, SEED.nceSkuId, 5, 1, 'P1M'),
					verifyLine(visioProduct, visioSku, 2, 2, 'P1Y'),
					{
						method: 'POST',
						path: SUBSCRIPTIONS,
						status: 200,
						body: {
							// Crayon drops the name of a New Commerce subscription: the part number is sent.
							name: SEED.ncePartNumber,
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
							name: SEED.secondNcePartNumber,
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
					// Simplified (the default): flat references, enumerations named.
					partNumber: json.PartNumber,
					quantity: json.Quantity,
					tenant: json.CustomerTenantId,
					billingCycle: json.BillingCycle,
					termDuration: json.TermDuration,
				})),
				[
					{
						idIsNumber: true,
						partNumber: SEED.ncePartNumber,
						quantity: 5,
						tenant: SEED.tenantId,
						billingCycle: 'Monthly',
						termDuration: 'P1M',
					},
					{
						idIsNumber: true,
						partNumber: SEED.secondNcePartNumber,
						quantity: 2,
						tenant: SEED.tenantId,
						billingCycle: 'Annual',
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
						Accepted: true,
						SubscriptionId: first,
						OfferId: SEED.addonOfferId,
						Quantity: 3,
						SubscriptionTags: { CostCenter: 'CC-42' },
					},
					{ Accepted: true, SubscriptionId: second, OfferId: SEED.secondAddonOfferId, Quantity: 1 },
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
				[
					{
						Accepted: true,
						SubscriptionId: subscriptionId,
						OfferId: SEED.secondAddonOfferId,
						Quantity: 2,
					},
				],
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
			const [productId, skuId] = SEED.secondNcePartNumber.split(':');
			expectRequests(
				[
					// Verify All Items First (on by default): the purchase as a one-line order.
					{
						method: 'POST',
						path: VERIFY,
						status: 200,
						body: {
							resellerCustomerId: SEED.tenantId,
							orderLines: [
								{ productId, skuId, quantity: 3, billingCycle: 1, termDuration: 'P1M', type: 3 },
							],
						},
					},
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
			// Checkout sends the verified order as Crayon returned it, key for key: the typed lines
			// plus the catalog item id, the tenant's country code, and the empty errors.
			const verified = {
				resellerCustomerId: SEED.tenantId,
				externalOrderId: null,
				countryCode: state.tenants.get(SEED.tenantId).countryCode,
				scheduledPurchaseDate: null,
				errors: [],
				orderLines: [
					{
						...typed.orderLines[0],
						catalogItemId: SEED.nceCatalogItemId,
						customTermEndDate: null,
						errors: [],
					},
				],
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
				pick(checkedOut?.json, ['CheckedOut', 'VerifiedBeforeCheckout', 'Order']),
				{ CheckedOut: true, VerifiedBeforeCheckout: true, Order: verified },
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
	{
		// On Error → "Continue (using error output)": the invalid row and the row Crayon refuses go
		// to the error output, the bought rows to the success output (n8n 2.41 and 2.8 route an
		// item to the error output only when its json holds nothing but `error`).
		file: 'error-output.json',
		crayonNodes: ['Buy rows'],
		exitCode: 0,
		purchases: 2,
		verify({ items, expectOutputSizes, expectPairedItems, apiRequests, expectNoSecrets, SEED }) {
			const node = 'Buy rows';
			expectOutputSizes(node, [2, 2]);
			expectPairedItems(node, 0, [0, 3]);
			expectPairedItems(node, 1, [1, 2]);
			checkEqual(
				items(node, 0).map(({ json }) => [json.Quantity, json.CustomerTenantId]),
				[
					[2, SEED.tenantId],
					[3, SEED.tenantId],
				],
				`"${node}" success output is not the two bought rows`,
				{ node },
			);
			const failed = items(node, 1).map(({ json }) => ({
				name: json.name,
				purchaseOutcome: json.error?.purchaseOutcome,
				itemIndex: json.error?.itemIndex,
				message: String(json.error?.message ?? ''),
			}));
			checkEqual(
				failed.map(({ message, ...rest }) => rest),
				[
					{ name: 'Invalid quantity', purchaseOutcome: 'notBought', itemIndex: 1 },
					{ name: 'Not eligible', purchaseOutcome: 'notBought', itemIndex: 2 },
				],
				`"${node}" error output is not the two failed rows, each with its input row and what it bought`,
				{ node },
			);
			check(
				failed[0].message.startsWith('Invalid input in item 1: "Quantity"') &&
					failed[1].message.includes('CustomerNotEligible'),
				`"${node}" error items have unexpected messages: ${JSON.stringify(failed.map(({ message }) => message))}`,
				{ node },
			);
			expectOutputSizes('Bought', [2]);
			expectOutputSizes('Failed', [2]);
			checkEqual(
				apiRequests.map(({ method, path }) => `${method} ${path}`),
				[
					`POST ${VERIFY}`,
					`POST ${VERIFY}`,
					`POST ${VERIFY}`,
					`POST ${SUBSCRIPTIONS}`,
					`POST ${SUBSCRIPTIONS}`,
				],
				'every valid row is verified before the first purchase, then only the accepted ones are bought',
				{ node },
			);
			expectNoSecrets();
		},
	},
	{
		// Without "Continue": a row Crayon refuses stops the run, and the error names every row
		// bought before it (with its subscription) and the rows never sent.
		file: 'stopped-run.json',
		crayonNodes: ['Buy rows'],
		exitCode: 1,
		purchases: 2,
		verify({ nodeError, state, expectNoSecrets, SEED }) {
			const node = 'Buy rows';
			const error = nodeError(node);
			// The phase's simulator keeps what earlier cases bought: this run's are the two newest.
			const bought = [...state.subscriptions.values()]
				.filter((subscription) => subscription.id >= SEED.nextSubscriptionId)
				.map((subscription) => subscription.id)
				.sort((first, second) => first - second)
				.slice(-2);
			const description = String(error.description ?? '');
			for (const [itemIndex, id] of bought.entries()) {
				check(
					description.includes(`- item ${itemIndex}: subscription ${id}`),
					`the error does not name item ${itemIndex}'s subscription ${id}: ${description}`,
					{ node },
				);
			}
			check(
				description.includes('Not sent to Crayon: items 3.') &&
					description.includes('To run only the rest, remove items 0–1 from the input'),
				`the error does not say which rows were not sent and how to run only the rest: ${description}`,
				{ node },
			);
			check(
				String(error.message).startsWith('Crayon refused to create a subscription of '),
				`"${node}" failed with an unexpected error: ${error.message}`,
				{ node },
			);
			expectNoSecrets();
		},
	},
	{
		// Find what to buy by name, pick one of the catalogue's rows, buy it with its part number and term.
		file: 'catalogue-search-and-buy.json',
		crayonNodes: ['Search the catalogue', 'Buy the picked product'],
		exitCode: 0,
		purchases: 1,
		verify({
			items,
			expectOutputSizes,
			expectPairedItems,
			expectRequests,
			expectNoSecrets,
			SEED,
			state,
		}) {
			const search = 'Search the catalogue';
			const buy = 'Buy the picked product';
			const [productId, skuId] = SEED.e5PartNumber.split(':');
			expectOutputSizes(search, [3]);
			checkEqual(
				items(search).map(({ json }) =>
					pick(json, [
						'PartNumber',
						'Name',
						'ProductId',
						'SkuId',
						'ProductVariantId',
						'TermDuration',
						'SalesPriceCurrency',
					]),
				),
				['P1M', 'P1Y', 'P3Y'].map((TermDuration) => ({
					PartNumber: SEED.e5PartNumber,
					Name: 'Microsoft 365 E5',
					ProductId: productId,
					SkuId: skuId,
					ProductVariantId: SEED.e5ProductVariantId,
					TermDuration,
					SalesPriceCurrency: 'NOK',
				})),
				`"${search}" did not find Microsoft 365 E5's three terms in tenant 123's catalogue`,
				{ node: search },
			);
			expectPairedItems(search, 0, [0, 0, 0]);
			// n8n's Filter keeps the discarded rows on a second (unconnected) output in its run data.
			checkEqual(
				items('Pick the one-year term').map(({ json }) => json.TermDuration),
				['P1Y'],
				'"Pick the one-year term" did not keep exactly the one-year row',
				{ node: 'Pick the one-year term' },
			);
			expectOutputSizes(buy, [1]);
			const [order] = items(buy);
			const orderId = order?.json.NewCommerceOrderId;
			check(
				typeof orderId === 'string' && orderId.length > 0,
				`"${buy}" output no NewCommerceOrderId`,
				{
					node: buy,
				},
			);
			expectRequests(
				[
					{
						method: 'GET',
						path: '/api/v1/agreementproducts',
						status: 200,
						query: {
							customerTenantId: String(SEED.tenantId),
							search: 'Microsoft 365 E5',
							page: '1',
							pageSize: '10',
						},
					},
					{
						method: 'POST',
						path: VERIFY,
						status: 200,
						body: {
							resellerCustomerId: SEED.tenantId,
							orderLines: [
								{ productId, skuId, quantity: 4, billingCycle: 2, termDuration: 'P1Y', type: 3 },
							],
						},
					},
					{
						method: 'POST',
						path: NCE_ORDERS,
						status: 200,
						body: {
							customerTenantId: SEED.tenantId,
							billingCycle: 2,
							partNumber: SEED.e5PartNumber,
							quantity: 4,
							termDuration: 'P1Y',
						},
					},
					{ method: 'GET', path: `${NCE_ORDERS}/${orderId}`, status: 200, repeat: '+' },
				],
				buy,
			);
			const subscription = state.subscriptions.get(order.json.SubscriptionId);
			checkEqual(
				subscription &&
					pick(subscription, ['tenantId', 'partNumber', 'quantity', 'termDuration', 'origin']),
				{
					tenantId: SEED.tenantId,
					partNumber: SEED.e5PartNumber,
					quantity: 4,
					termDuration: 'P1Y',
					origin: 'nce-order',
				},
				`"${buy}" did not output the subscription Crayon created for the order`,
				{ node: buy },
			);
			expectNoSecrets();
		},
	},
	{
		// The subscription lifecycle in a real n8n: the example's Get Many → Filter → Cancel chain
		// (examples/cancel-unassigned-nce-seats.json, from a Manual Trigger and without its e-mail),
		// next-term instructions set and read back, and a cancellation after the window refused with
		// nothing sent (to the error output).
		file: 'subscription-lifecycle.json',
		crayonNodes: [
			'Active subscriptions of Contoso',
			'Cancel unassigned',
			'Set next term',
			'Read next term',
			'Cancel after the window',
		],
		exitCode: 0,
		purchases: 0,
		verify({ items, expectOutputSizes, expectRequests, expectNoSecrets, SEED, state }) {
			const subscription = (id) => `/api/v1/subscriptions/${id}`;
			const cancelled = SEED.closingWindowSubscriptionId;
			const instructions = { billingCycle: 2, quantity: 12, termDuration: 'P1Y' };
			expectRequests(
				[
					{
						method: 'GET',
						path: SUBSCRIPTIONS.replace(/\/$/, ''),
						status: 200,
						query: {
							customerTenantId: String(SEED.tenantId),
							statuses: '1',
							page: '1',
							pageSize: '50',
						},
					},
					// Cancel: read for every item before the first change, read again, then the whole
					// subscription back with Status Deleted.
					{ method: 'GET', path: subscription(cancelled), status: 200 },
					{ method: 'GET', path: subscription(cancelled), status: 200 },
					{ method: 'PUT', path: subscription(cancelled), status: 200 },
					{ method: 'GET', path: subscription(SEED.nceSubscriptionId), status: 200 },
					{
						method: 'POST',
						path: `${subscription(SEED.nceSubscriptionId)}/next-term-instructions`,
						status: 200,
						body: instructions,
					},
					{ method: 'GET', path: subscription(SEED.nceSubscriptionId), status: 200 },
					// After the window: read, refused, nothing sent.
					{ method: 'GET', path: subscription(SEED.closedWindowSubscriptionId), status: 200 },
				],
				'Subscription lifecycle',
			);
			const put = state.subscriptions.get(cancelled);
			checkEqual(put.status, 4, `subscription ${cancelled} is not Deleted`, {
				node: 'Cancel unassigned',
			});
			checkEqual(
				items('Cancel unassigned').map(({ json }) =>
					pick(json, ['Id', 'Status', 'PreviousStatus', 'StatusChanged']),
				),
				[{ Id: cancelled, Status: 'Deleted', PreviousStatus: 'Active', StatusChanged: true }],
				'"Cancel unassigned" did not cancel only the unassigned subscription still in its window',
				{ node: 'Cancel unassigned' },
			);
			checkEqual(
				items('Set next term').map(({ json }) => json),
				[
					{
						SubscriptionId: SEED.nceSubscriptionId,
						Accepted: true,
						NextTermInstructions: instructions,
					},
				],
				'"Set next term" output is wrong',
				{ node: 'Set next term' },
			);
			checkEqual(
				pick(items('Read next term')[0]?.json, [
					'HasNextTermInstructions',
					'NextQuantity',
					'NextTermDuration',
					'NextBillingCycle',
					'NextPartNumber',
				]),
				{
					HasNextTermInstructions: true,
					NextQuantity: 12,
					NextTermDuration: 'P1Y',
					NextBillingCycle: 'Annual',
					NextPartNumber: SEED.ncePartNumber,
				},
				'"Read next term" does not show the instructions just set',
				{ node: 'Read next term' },
			);
			expectOutputSizes('Cancel after the window', [0, 1]);
			const [refused] = items('Cancel after the window', 1);
			check(
				String(refused?.json.error?.message ?? '').startsWith(
					`Subscription ${SEED.closedWindowSubscriptionId} can no longer be cancelled: its cancellation window closed`,
				) && refused?.json.error?.purchaseOutcome === 'notBought',
				`"Cancel after the window" error item is wrong: ${JSON.stringify(refused?.json)}`,
				{ node: 'Cancel after the window' },
			);
			checkEqual(
				state.subscriptions.get(SEED.closedWindowSubscriptionId).status,
				1,
				'the subscription whose window closed was changed',
				{ node: 'Cancel after the window' },
			);
			expectNoSecrets();
		},
	},
	{
		// Return All reads pages 2 and 3 ahead once page 1 gives TotalHits; with Concurrency 1 the
		// same list page after page. Both output every subscription (3 pages of 50), each once, in order.
		file: 'subscription-list-all.json',
		crayonNodes: ['Every subscription', 'Every subscription, page after page'],
		exitCode: 0,
		purchases: 0,
		verify({ items, apiRequests, expectRequests, expectNoSecrets, state }) {
			const list = SUBSCRIPTIONS.replace(/\/$/, '');
			const page = (number) => ({
				method: 'GET',
				path: list,
				status: 200,
				query: { statuses: '511', page: String(number), pageSize: '50' },
			});
			const readAhead = { method: 'GET', path: list, status: 200 };
			expectRequests(
				[page(1), readAhead, readAhead, page(1), page(2), page(3)],
				'Every subscription',
			);
			checkEqual(
				apiRequests
					.slice(1, 3)
					.map((request) => request.query.page)
					.sort(),
				['2', '3'],
				'the pages read ahead are not pages 2 and 3',
				{ node: 'Every subscription' },
			);
			const ids = (node) => items(node).map(({ json }) => json.Id);
			// The cases before this one bought some: every subscription in the simulator, each once.
			checkEqual(
				[...new Set(ids('Every subscription'))].sort(),
				[...state.subscriptions.keys()].sort(),
				'Return All did not output every subscription once',
				{ node: 'Every subscription' },
			);
			checkEqual(
				ids('Every subscription'),
				ids('Every subscription, page after page'),
				'reading pages ahead output another list than reading page after page',
				{ node: 'Every subscription' },
			);
			expectNoSecrets();
		},
	},
];
