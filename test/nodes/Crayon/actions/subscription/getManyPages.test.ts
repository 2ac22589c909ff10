/**
 * Return All reads the pages of a long list ahead (domain/paging.ts listPages), at most
 * Concurrency at once for the whole run, and must output exactly what reading page after page
 * would: against a server that lies about TotalHits, a list that shrinks between pages, a 429
 * and failures on pages read ahead. Each test counts what the server received and checks that
 * nothing is still in flight once the node has finished.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import {
	errorText,
	HostileServer,
	runForJson,
	useCrayon,
	type Misbehaviour,
} from '../../../../helpers';

const crayon = useCrayon();
let hostile: HostileServer;

beforeEach(async () => {
	hostile = await HostileServer.start(crayon.sim.baseUrl);
	crayon.reset({ baseUrl: hostile.url });
	// Long enough that pages read at once overlap at the server.
	crayon.sim.setLatency(40);
});
afterEach(async () => await hostile.stop());

const LIST = /^\/api\/v1\/subscriptions$/i;

/** The server misbehaves on the next request for page `n` of the subscriptions. */
const onPage = (n: number, misbehaviour: Misbehaviour) =>
	hostile.misbehave(misbehaviour, {
		method: 'GET',
		path: LIST,
		query: new RegExp(`(^|&)page=${n}(&|$)`),
	});

const returnAll = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'subscription',
	operation: 'getMany',
	returnAll: true,
	simplify: false,
	options,
});

/** The pages asked for, in the order they arrived. */
const pagesAsked = () =>
	hostile
		.requestsTo('GET', /^\/api\/v1\/subscriptions\?/i)
		.map((request) => new URLSearchParams(request.path.split('?')[1]).get('page'));

const ids = (json: IDataObject[]) => json.map((subscription) => subscription.Id);

/** The server answers with this JSON itself, without forwarding. */
const jsonAnswer = (status: number, body: unknown): Misbehaviour => ({
	kind: 'raw',
	status,
	contentType: 'application/json',
	body: JSON.stringify(body),
});

/** A page answer of `count` made-up subscriptions from `firstId` on, claiming `totalHits`. */
function pageAnswer(firstId: number, count: number, totalHits: number) {
	const Items = Array.from({ length: count }, (_, index) => ({
		Id: firstId + index,
		Name: `Listed ${firstId + index}`,
	}));
	return jsonAnswer(200, { Items, TotalHits: totalHits });
}

/** Crayon's error answer. */
const crayonError = (status: number, ErrorCode: string, Message: string) =>
	jsonAnswer(status, { ErrorCode, Message });

/** What the same run outputs reading one page at a time (Concurrency 1), with the same misbehaviour set up again. */
async function oneByOne(arrange: () => void) {
	hostile.received.length = 0;
	arrange();
	return await runForJson(crayon, returnAll({ concurrency: 1 }));
}

describe('Return All reads pages ahead', () => {
	it('reads pages 2 and 3 at once after page 1, and outputs the list in order', async () => {
		const { result, json } = await runForJson(crayon, returnAll());
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(SEED.subscriptionCount);
		const sequential = await oneByOne(() => {});
		expect(ids(json)).toEqual(ids(sequential.json));
		expect(pagesAsked()).toEqual(['1', '2', '3']);
	});

	it('has pages 2 and 3 in flight together by default, one request at a time with Concurrency 1', async () => {
		await runForJson(crayon, returnAll());
		// The login, then page 1 alone, then pages 2 and 3 together.
		expect(hostile.peakInFlight).toBe(2);
		hostile.peakInFlight = 0;
		await oneByOne(() => {});
		expect(hostile.peakInFlight).toBe(1);
		expect(pagesAsked()).toEqual(['1', '2', '3']);
	});

	it('keeps to Concurrency for all items together: 2 items at Concurrency 2 never have more than 3 requests in flight', async () => {
		await runForJson(crayon, returnAll()); // logged in: the run below starts both items at once
		hostile.peakInFlight = 0;
		const { json } = await runForJson(crayon, returnAll({ concurrency: 2 }), [{}, {}]);
		expect(json).toHaveLength(2 * SEED.subscriptionCount);
		// Each item's own request, and one page read ahead for both together.
		expect(hostile.peakInFlight).toBeLessThanOrEqual(3);
		expect(hostile.inFlight).toBe(0);
	});

	it('a TotalHits of a billion reads at most 7 pages past the real end, and outputs the real list', async () => {
		const lie = () => onPage(1, pageAnswer(1, 50, 1_000_000_000));
		lie();
		const { result, json } = await runForJson(crayon, returnAll());
		expect(result.error).toBeUndefined();
		// Page 1 made up; pages 2 and 3 from Crayon, whose TotalHits (120) ends the list after page 3.
		expect(json).toHaveLength(SEED.subscriptionCount);
		const asked = pagesAsked();
		expect(asked.slice(0, 3)).toEqual(['1', '2', '3']);
		expect(asked.length).toBeLessThanOrEqual(3 + 7);
		// Every page read ahead past the end was answered before the node finished.
		expect(hostile.inFlight).toBe(0);
		const sequential = await oneByOne(lie);
		expect(ids(json)).toEqual(ids(sequential.json));
		expect(pagesAsked()).toEqual(['1', '2', '3']);
	});

	it('a list that shrank after page 1 ends where a page says so; a page read ahead past it is dropped', async () => {
		const shrink = () => {
			onPage(1, pageAnswer(1, 50, 150));
			// Page 2 is the last now (TotalHits 60), while page 3 was already read ahead.
			onPage(2, pageAnswer(51, 10, 60));
		};
		shrink();
		const { result, json } = await runForJson(crayon, returnAll());
		expect(result.error).toBeUndefined();
		expect(ids(json)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
		expect(pagesAsked()).toEqual(['1', '2', '3']);
		const sequential = await oneByOne(shrink);
		expect(ids(json)).toEqual(ids(sequential.json));
		expect(pagesAsked()).toEqual(['1', '2']);
	});

	it('a failure of a page read ahead past the end of the list is not an error', async () => {
		onPage(1, pageAnswer(1, 50, 150));
		onPage(2, pageAnswer(51, 10, 60));
		onPage(3, {
			kind: 'raw',
			status: 500,
			contentType: 'text/html',
			body: '<h1>Server Error</h1>',
		});
		const { result, json } = await runForJson(crayon, returnAll({ maxRetries: 0 }));
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(60);
		expect(hostile.inFlight).toBe(0);
	});

	it('a failure of a page the list needs fails the run, naming that page, once every page read ahead is answered', async () => {
		onPage(2, crayonError(400, 'BadRequest', 'Page two is broken'));
		const { result, json } = await runForJson(crayon, returnAll({ maxRetries: 0 }));
		expect(json).toEqual([]);
		expect(errorText(result.error)).toMatch(/Page two is broken/);
		expect(errorText(result.error)).toMatch(
			/GET \/api\/v1\/subscriptions \(page 2\) answered HTTP 400/,
		);
		expect(pagesAsked()).toEqual(['1', '2', '3']);
		expect(hostile.inFlight).toBe(0);
	});

	it('a 429 on a page read ahead is retried after the pause, and the list is complete and in order', async () => {
		onPage(3, crayonError(429, 'TooManyRequests', 'Slow down'));
		const { result, json } = await runForJson(crayon, returnAll());
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(SEED.subscriptionCount);
		expect(new Set(ids(json)).size).toBe(SEED.subscriptionCount);
		expect(pagesAsked()).toEqual(['1', '2', '3', '3']);
		const sequential = await oneByOne(() => {});
		expect(ids(json)).toEqual(ids(sequential.json));
	});

	it('a page whose Items are not all objects is an answer not understood, not items', async () => {
		onPage(2, jsonAnswer(200, { Items: [{ Id: 1 }, null, [2], 'three'], TotalHits: 120 }));
		const { result, json } = await runForJson(crayon, returnAll({ maxRetries: 0 }));
		expect(json).toEqual([]);
		expect(errorText(result.error)).toMatch(
			/^Crayon's answer to GET \/api\/v1\/subscriptions \(page 2\) could not be understood: expected a page of results \(\{Items, TotalHits\}\)/,
		);
		expect(hostile.inFlight).toBe(0);
	});

	it('with a Limit, never asks for a page past the one the limit ends on', async () => {
		const { json } = await runForJson(crayon, {
			...returnAll(),
			returnAll: false,
			limit: 70,
		});
		expect(json).toHaveLength(70);
		expect(pagesAsked()).toEqual(['1', '2']);
	});
});
