/**
 * Product → Get Billing Cycles: GET /api/v1/agreementproducts/{partNumber}/
 * supportedbillingcycles?resellerCustomerId (crayon-api-sdk: AgreementProductResource.GetSupportedBillingCycles).
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import {
	byId,
	errorItemOf,
	fromList,
	pairedItemsOf,
	runForJson,
	useCrayon,
} from '../../../../helpers';

const cyclesPath = (partNumber: string) =>
	`/api/v1/agreementproducts/${partNumber}/supportedbillingcycles`;

const getCycles = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'product',
	operation: 'getSupportedBillingCycles',
	customerTenantId: fromList(SEED.tenantId, 'Contoso Ltd'),
	partNumber: fromList(SEED.ncePartNumber, 'Office 365 E3 (P1Y, CFQ7TTC0LF8R:0001)'),
	...parameters,
});

const E3_CYCLES = [
	{ Id: 1, Name: 'Monthly' },
	{ Id: 2, Name: 'Annual' },
	{ Id: 8, Name: 'Triennial' },
];

describe('Product → Get Billing Cycles', () => {
	const crayon = useCrayon();

	it('reads the billing cycles of the part number picked from the list, for the customer tenant', async () => {
		const { result, json } = await runForJson(crayon, getCycles());

		expect(result.error).toBeUndefined();
		expect(
			crayon.apiRequests().map(({ method, path, query }) => ({ method, path, query })),
		).toEqual([
			{
				method: 'GET',
				path: cyclesPath(SEED.ncePartNumber),
				query: { resellerCustomerId: String(SEED.tenantId) },
			},
		]);
		expect(json).toEqual([
			{ PartNumber: SEED.ncePartNumber, CustomerTenantId: SEED.tenantId, BillingCycles: E3_CYCLES },
		]);
	});

	it('takes part numbers by ID and mapped per row', async () => {
		const result = await crayon.runCrayon(
			getCycles({
				customerTenantId: byId('={{ $json.tenantId }}'),
				partNumber: byId('={{ $json.partNumber }}'),
			}),
			[
				{ tenantId: SEED.tenantId, partNumber: SEED.secondNcePartNumber },
				{ tenantId: SEED.nceIneligibleTenantId, partNumber: SEED.ncePartNumber },
				{ tenantId: SEED.tenantId, partNumber: `${SEED.softwareProductId}:${SEED.softwareSkuId}` },
			],
		);

		expect(result.error).toBeUndefined();
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map(({ json }) => json.BillingCycles)).toEqual([
			[
				{ Id: 1, Name: 'Monthly' },
				{ Id: 2, Name: 'Annual' },
			],
			[],
			[{ Id: 4, Name: 'One Time' }],
		]);
	});

	it('fails the item with Crayon’s 404 for a part number it does not know, or continues with an error item', async () => {
		const parameters = getCycles({ partNumber: byId(SEED.unknownNcePartNumber) });
		const { result } = await runForJson(crayon, parameters);
		expect(result.error?.message).toBe(
			`Crayon refused GET ${cyclesPath(SEED.unknownNcePartNumber)}: Product with part number '${SEED.unknownNcePartNumber}' was not found. [item 0]`,
		);
		expect(crayon.apiRequests()).toHaveLength(1);

		const continued = await crayon.runCrayon(parameters, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(continued.error).toBeUndefined();
		expect(errorItemOf(continued, 0)).toMatchObject({ httpCode: '404' });
	});

	it('refuses a part number that could leave the path, before sending anything (n8n checks typed ones, the node mapped ones)', async () => {
		for (const partNumber of ['../subscriptions', 'CFQ7TTC0LF8R:0001/x', 'CFQ7TTC0LF8R%3A0001']) {
			const { result } = await runForJson(
				crayon,
				getCycles({ partNumber: byId(`={{ ${JSON.stringify(partNumber)} }}`) }),
			);
			expect(result.error?.message).toMatch(
				/^Invalid input in item 0: "Part Number" may only contain/,
			);
		}
		expect(crayon.sim.requests).toEqual([]);
	});
});

describe('Product → Get Billing Cycles, when Crayon answers with names', () => {
	const crayon = useCrayon({ supportedBillingCyclesAs: 'names' });

	it('gives the same numbers and names', async () => {
		const { json } = await runForJson(crayon, getCycles());
		expect(json).toEqual([
			{ PartNumber: SEED.ncePartNumber, CustomerTenantId: SEED.tenantId, BillingCycles: E3_CYCLES },
		]);
	});
});
