/**
 * The transport reads the credential once per execution and hands it to n8n ready-made; n8n
 * writes a token it fetches into that very object. Whatever token was actually sent (the one
 * stored, the one n8n fetched for this very request, the one of a new login after a 401, or one
 * another item fetched meanwhile), an echo of it is masked in what the node shows.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { z } from 'zod';

import { CrayonSession } from '../../../../nodes/Crayon/transport';
import { tokenIssue } from '../../../../nodes/Crayon/transport/login';
import { DEFAULT_CREDENTIALS } from '../../../../simulator';
import { GET_MANY_SUBSCRIPTIONS, onRequest, useCrayon } from '../../../helpers';

const FIRST_TOKEN = 'first-token-0123456789abcdef';
const SECOND_TOKEN = 'second-token-0123456789abcdef';

type Answer = { statusCode: number; body: unknown };

/**
 * A node context shaped like n8n's: `getCredentials` returns a copy of the stored data, and
 * `httpRequestWithAuthentication` takes the credential it is given ready-made, logging in
 * first (and writing the token into it, and into the store) when it holds no token. `answer`
 * decides Crayon's answer from the request and the token sent.
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
	let logins = 0;
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
			httpRequestWithAuthentication: async (
				_type: string,
				options: IHttpRequestOptions,
				additional: { credentialsDecrypted: ICredentialsDecrypted },
			) => {
				await Promise.resolve();
				const data = additional.credentialsDecrypted.data ?? {};
				if (data.accessToken === '') {
					logins++;
					store.accessToken = store.accessToken === FIRST_TOKEN ? SECOND_TOKEN : FIRST_TOKEN;
					store.tokenIssuedFor = tokenIssue(store);
					Object.assign(data, {
						accessToken: store.accessToken,
						tokenIssuedFor: store.tokenIssuedFor,
					});
				}
				const { statusCode, body } = await answer(options, String(data.accessToken));
				return { statusCode, headers: {}, body: JSON.stringify(body) };
			},
		},
	};
	/** A token stored by an earlier login with these very fields. */
	const storeToken = (token: string) => {
		store.accessToken = token;
		store.tokenIssuedFor = tokenIssue(store);
	};
	return {
		session: new CrayonSession(context as unknown as IExecuteFunctions),
		store,
		storeToken,
		reads: () => reads,
		logins: () => logins,
	};
}

const anything = z.unknown().describe('anything');
const read = (path: string) => ({ method: 'GET' as const, path });

describe('The transport, masking the secrets of the token actually sent,', () => {
	it('reads the credential once for every request of an execution', async () => {
		const { session, storeToken, reads } = fakeContext((_, token) => ({
			statusCode: 200,
			body: { Echo: `token ${token}` },
		}));
		storeToken(FIRST_TOKEN);

		const answers = await Promise.all(
			[0, 1, 2].map(
				async (item) => await session.client(item).read(read('/api/v1/subscriptions'), anything),
			),
		);

		expect(await session.redact(answers)).toEqual(
			[0, 1, 2].map(() => ({ Echo: 'token [redacted]' })),
		);
		expect(reads()).toBe(1);
	});

	it('masks the token n8n fetched for this very request (none was stored)', async () => {
		const { session, logins } = fakeContext((_, token) => ({
			statusCode: 200,
			body: { Echo: token },
		}));

		const answer = await session.client(0).read(read('/api/v1/subscriptions'), anything);

		expect(await session.redact(answer)).toEqual({ Echo: '[redacted]' });
		expect(logins()).toBe(1);
	});

	it('masks the token of the new login after a 401, and the stale one', async () => {
		const { session, store, storeToken } = fakeContext((_, token) =>
			token === FIRST_TOKEN
				? { statusCode: 401, body: {} }
				: { statusCode: 200, body: { Echo: token, Old: FIRST_TOKEN } },
		);
		storeToken(FIRST_TOKEN);

		const answer = await session.client(0).read(read('/api/v1/subscriptions'), anything);

		expect(await session.redact(answer)).toEqual({ Echo: '[redacted]', Old: '[redacted]' });
		expect(store.accessToken).toBe(SECOND_TOKEN);
	});

	it('logs in once for items that all got a 401 at the same time', async () => {
		const { session, storeToken, logins } = fakeContext((_, token) =>
			token === FIRST_TOKEN
				? { statusCode: 401, body: {} }
				: { statusCode: 200, body: { Echo: token } },
		);
		storeToken(FIRST_TOKEN);
		await session.token();

		const answers = await Promise.all(
			[0, 1, 2, 3].map(async (item) => await session.client(item).read(read('/slow'), anything)),
		);

		expect(logins()).toBe(1);
		expect(await session.redact(answers)).toEqual([0, 1, 2, 3].map(() => ({ Echo: '[redacted]' })));
	});

	it('masks every token in a failure, the one sent and the one of a later login', async () => {
		const { session, storeToken } = fakeContext(() => {
			return { statusCode: 400, body: { Message: `${FIRST_TOKEN} ${SECOND_TOKEN}` } };
		});
		storeToken(FIRST_TOKEN);
		await session.token();
		await session.renewToken(FIRST_TOKEN);

		await expect(
			session.client(0).read(read('/api/v1/subscriptions'), anything),
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
