/** Subscription → Get Tags / Set Tags: GET and POST /api/v1/subscriptions/{id}/tags (a whole SubscriptionTags). */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const setTags = (tags: INodeParameters, keepOtherTags?: boolean): INodeParameters => ({
	resource: 'subscription',
	operation: 'setTags',
	subscriptionId: byId(SEED.nceSubscriptionId),
	tags,
	...(keepOtherTags === undefined ? {} : { keepOtherTags }),
});
const path = `/api/v1/subscriptions/${SEED.nceSubscriptionId}/tags`;
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');
const none = { CostCenter: null, Department: null, Project: null, Custom: null, Owner: null };

describe('Subscription → Set Tags and Get Tags', () => {
	it('reads the tags, then posts all of them with the given ones changed and the others kept', async () => {
		await runForJson(crayon, setTags({ CostCenter: 'CC-7', Owner: 'Alex' }));
		crayon.sim.clearRequests();
		const { result, json } = await runForJson(crayon, setTags({ Department: 'Sales' }));
		expect(result.error).toBeUndefined();
		const body = {
			SubscriptionId: SEED.nceSubscriptionId,
			...none,
			CostCenter: 'CC-7',
			Owner: 'Alex',
			Department: 'Sales',
		};
		expect(crayon.apiCalls()).toEqual([crayon.call('GET', path), crayon.call('POST', path, body)]);
		expect(json).toEqual([{ ...body, TagsChanged: true }]);
		crayon.sim.clearRequests();
		const read = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getTags',
			subscriptionId: byId(SEED.nceSubscriptionId),
		});
		expect(crayon.apiCalls()).toEqual([crayon.call('GET', path)]);
		expect(read.json).toEqual([
			expect.objectContaining({
				SubscriptionId: SEED.nceSubscriptionId,
				CostCenter: 'CC-7',
				Department: 'Sales',
				Owner: 'Alex',
				Project: null,
			}),
		]);
	});

	it('clears the others when asked, all of them with no tag given, and sends nothing when nothing changes', async () => {
		await runForJson(crayon, setTags({ CostCenter: 'CC-7', Owner: 'Alex' }));
		await runForJson(crayon, setTags({ Project: 'Migration' }, false));
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.tags).toMatchObject({
			costCenter: null,
			owner: null,
			project: 'Migration',
		});
		crayon.sim.clearRequests();
		const same = await runForJson(crayon, setTags({ Project: 'Migration' }));
		expect(same.json[0]).toMatchObject({ TagsChanged: false });
		expect(posts()).toHaveLength(0);
		await runForJson(crayon, setTags({}, false));
		expect(posts()[0].body).toEqual({ SubscriptionId: SEED.nceSubscriptionId, ...none });
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.tags).toBeNull();
	});

	it('refuses no tag with Keep Other Tags and a tag with a line break, before any request', async () => {
		const empty = await runForJson(crayon, setTags({}));
		expect(empty.result.error?.message).toContain('"Tags" needs at least one tag');
		const broken = await runForJson(crayon, setTags({ Owner: 'Alex\nBcc: x' }));
		expect(broken.result.error?.message).toContain('"Tags → Owner" must not contain line breaks');
		expect(crayon.apiRequests()).toHaveLength(0);
	});

	it('sends it again after a 503 only when reading back shows the old tags', async () => {
		crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 });
		const { result } = await runForJson(crayon, setTags({ Owner: 'Alex' }));
		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests().map((request) => request.method)).toEqual([
			'GET',
			'POST',
			'GET',
			'POST',
		]);
		expect(crayon.sim.state.changes).toHaveLength(1);
	});
});
