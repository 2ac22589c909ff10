/**
 * The transport masks the secrets of the credential it read right before sending, without
 * reading it again, except when n8n may have sent another token than the one read: n8n
 * logged in for this very request (no token stored yet), the node logged in again after a
 * 401, or another item of the same execution did while this request was under way. Crayon
 * echoing the token actually sent is masked in each case.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import { type CrayonContext, crayonApiRequest } from '../../../../nodes/Crayon/transport';
import { DEFAULT_CREDENTIALS } from '../../../../simulator';
import { GET_MANY_SUBSCRIPTIONS, onRequest, useCrayon } from '../../../helpers';

const FIRST_TOKEN = 'first-token-0123456789abcdef';
const SECOND_TOKEN = 'second-token-0123456789abcdef';

type Answer = { statusCode: number; body: unknown };

/**
 * A node context shaped like n8n's: `getCredentials` returns a copy of the stored data, and
 * `httpRequestWithAuthentication` reads the credential itself when it sends, logging in first
 * when no token is stored. `answer` decides Crayon's answer from the request and the token sent.
 */
function fakeContext(
	answer: (options: IHttpRequestOptions, token: string) => Promise<Answer> | Answer,
) {
	const store: ICredentialDataDecryptedObject = {
		...DEFAULT_CREDENTIALS,
		baseUrl: 'http://crayon.invalid',
		accessToken: '',
	};
	let reads = 0;
	const logIn = () => {
		store.accessToken = store.accessToken === FIRST_TOKEN ? SECOND_TOKEN : FIRST_TOKEN;
	};
	const context = {
		getNode: () =>
			({
				name: 'Crayon',
				type: 'n8n-nodes-crayon.crayon',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}) as INode,
		getCredentials: async () => {
			reads++;
			return { ...store };
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				await Promise.resolve();
				if (store.accessToken === '') logIn();
				if (options.url.endsWith('/api/v1/me')) {
					// The node's "log in again": n8n gets a 401 for the stale token and logs in.
					logIn();
					return {};
				}
				return { headers: {}, ...(await answer(options, String(store.accessToken))) };
			},
		},
	};
	return {
		context: context as unknown as CrayonContext & IExecuteFunctions,
		store,
		reads: () => reads,
	};
}

const read = (path: string) => ({ method: 'GET' as const, path, purchase: false });

describe('The transport, masking the secrets of the token actually sent,', () => {
	it('reads the credential once per request when the stored token is sent', async () => {
		const { context, store, reads } = fakeContext((_, token) => ({
			statusCode: 200,
			body: { Echo: `token ${token}` },
		}));
		store.accessToken = FIRST_TOKEN;

		const response = await crayonApiRequest.call(context, read('/api/v1/subscriptions'));

		expect(response.body).toEqual({ Echo: 'token [redacted]' });
		expect(reads()).toBe(1);
	});

	it('masks the token n8n fetched for this very request (none was stored)', async () => {
		const { context } = fakeContext((_, token) => ({ statusCode: 200, body: { Echo: token } }));

		const response = await crayonApiRequest.call(context, read('/api/v1/subscriptions'));

		expect(response.body).toEqual({ Echo: '[redacted]' });
	});

	it('masks the token of the new login after a 401', async () => {
		const { context, store } = fakeContext((_, token) =>
			token === FIRST_TOKEN
				? { statusCode: 401, body: {} }
				: { statusCode: 200, body: { Echo: token } },
		);
		store.accessToken = FIRST_TOKEN;

		const response = await crayonApiRequest.call(context, read('/api/v1/subscriptions'));

		expect(response.body).toEqual({ Echo: '[redacted]' });
		expect(store.accessToken).toBe(SECOND_TOKEN);
	});

	it('masks a token another item of the execution fetched while this request was under way', async () => {
		let renewed!: () => void;
		const renewal = new Promise<void>((resolve) => (renewed = resolve));
		const { context, store } = fakeContext(async (options, token) => {
			if (options.url.endsWith('/slow')) {
				// n8n reads the credential for this request only after the other item logged in again.
				await renewal;
				return { statusCode: 200, body: { Echo: `${store.accessToken}` } };
			}
			if (token === FIRST_TOKEN) return { statusCode: 401, body: {} };
			renewed();
			return { statusCode: 200, body: {} };
		});
		store.accessToken = FIRST_TOKEN;

		const slow = crayonApiRequest.call(context, read('/slow'));
		await new Promise((resolve) => setImmediate(resolve));
		await crayonApiRequest.call(context, read('/fast'));

		expect(store.accessToken).toBe(SECOND_TOKEN);
		expect((await slow).body).toEqual({ Echo: '[redacted]' });
	});

	it('masks every token in a failure, the one sent and the one stored now', async () => {
		const { context, store } = fakeContext(() => {
			// Another worker logs in again while Crayon answers this request.
			store.accessToken = SECOND_TOKEN;
			return { statusCode: 400, body: { Message: `${FIRST_TOKEN} ${SECOND_TOKEN}` } };
		});
		store.accessToken = FIRST_TOKEN;

		await expect(
			crayonApiRequest.call(context, read('/api/v1/subscriptions')),
		).rejects.toMatchObject({ message: expect.stringMatching(/\[redacted\] \[redacted\]/) });
	});
});

describe('The node, end to end,', () => {
	const crayon = useCrayon();

	/** Makes Crayon answer the `nth` GET of subscriptions from now on with a page that echoes the token it received. */
	function echoTokenOn(nth: number): void {
		onRequest(crayon.sim, 'GET', /^\/api\/v1\/subscriptions\/?$/i, nth, () => {
			const token = (crayon.sim.requests.at(-1)?.headers.authorization ?? '').replace(
				/^Bearer /,
				'',
			);
			const page = { Items: [{ Id: 1, Notes: token, Quantity: 2 }], TotalHits: 1 };
			crayon.sim.injectFault({
				method: 'GET',
				rawResponse: { status: 200, contentType: 'application/json', body: JSON.stringify(page) },
				times: 1,
			});
		});
	}

	it('masks the token issued for the first request of a run', async () => {
		echoTokenOn(1);

		const result = await crayon.runCrayon(GET_MANY_SUBSCRIPTIONS, [{}]);

		expect(crayon.logins()).toHaveLength(1);
		expect(result.output('Crayon').map((item) => item.json)).toEqual([
			{ Id: 1, Notes: '[redacted]', Quantity: 2 },
		]);
	});

	it('masks the token issued after the stored one expired', async () => {
		await crayon.runCrayon(GET_MANY_SUBSCRIPTIONS, [{}]);
		crayon.sim.expireTokens();
		// The first GET is refused (401); the one sent again after the new login echoes.
		echoTokenOn(2);

		const result = await crayon.runCrayon(GET_MANY_SUBSCRIPTIONS, [{}]);

		expect(crayon.logins()).toHaveLength(2);
		expect(result.output('Crayon').map((item) => item.json)).toEqual([
			{ Id: 1, Notes: '[redacted]', Quantity: 2 },
		]);
	});
});
