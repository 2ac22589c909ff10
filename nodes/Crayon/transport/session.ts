import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { Backoff } from './backoff';
import { CrayonClient } from './client';
import type { Failure } from './failures';
import { PurchaseLedger } from './ledger';
import { tokenFits } from './login';
import { redact, secretsOf } from './redaction';
import type { RequestSettings } from './types';
import { MAX_ANSWER_BYTES } from './wire';

export type CrayonContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'crayonApi';

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	timeoutMs: 60_000,
	maxRetries: 3,
	maxRetryDelayMs: 60_000,
	maxAnswerBytes: MAX_ANSWER_BYTES,
	// The Trigger and list searches: 8 pages at once, as the node's reads go by default.
	readAhead: 7,
};

function tokenOf(credentials: ICredentialDataDecryptedObject): string {
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

/**
 * What the requests of one node execution (or one list search, or one poll) share: the
 * credential, read once; the login, made once; the backoff all requests obey; what the
 * purchases did; and which secrets to mask in what is shown.
 */
export class CrayonSession {
	readonly backoff = new Backoff();

	readonly ledger = new PurchaseLedger();

	private credentials?: Promise<ICredentialsDecrypted>;

	/** Every access token this session sent or received, to be masked in output and errors. */
	private readonly tokensSeen = new Set<string>();

	/** Set when logging in failed or a fresh token was rejected: nobody logs in again in this session. */
	private stopped?: Failure;

	/** While a request is logging in (no token stored), the others wait for it. */
	private login?: Promise<void>;

	private cachedSecrets?: { key: string; secrets: string[] };

	/** Pages read ahead and not yet answered, of all items. */
	private pagesAhead = 0;

	constructor(
		readonly context: CrayonContext,
		readonly settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
	) {}

	/**
	 * Starts `read` if the session may read one more page ahead (RequestSettings.readAhead);
	 * otherwise starts nothing and returns undefined. Its failure is left to whoever awaits
	 * it, and nobody may: a list can end before a page read ahead.
	 */
	readAhead<T>(read: () => Promise<T>): Promise<T> | undefined {
		if (this.pagesAhead >= this.settings.readAhead) return undefined;
		this.pagesAhead++;
		const reading = read();
		const answered = () => {
			this.pagesAhead--;
		};
		// Also marks a failure as handled: it surfaces only where the page is awaited.
		reading.then(answered, answered);
		return reading;
	}

	/** The client an operation uses for one input item. */
	client(itemIndex: number): CrayonClient {
		return new CrayonClient(this, itemIndex);
	}

	/**
	 * The credential as n8n's request helper takes it ready-made, read once: every read is a
	 * database query and a decryption in n8n. n8n writes a new token into this very object
	 * when it logs in, so every request of the session sends the newest one.
	 */
	async credential(): Promise<ICredentialsDecrypted> {
		this.credentials ??= (async () => {
			const data = await this.context.getCredentials(CREDENTIAL_TYPE);
			const reference = this.context.getNode().credentials?.[CREDENTIAL_TYPE];
			return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
		})();
		return await this.credentials;
	}

	/** The token the next request sends ('' when n8n must log in first). */
	async token(): Promise<string> {
		const { data } = await this.credential();
		return tokenOf(data ?? {});
	}

	/** Why requests of this session are not sent any more, if they are not. */
	stopReason(): Failure | undefined {
		return this.stopped;
	}

	/** After a definitive failure to log in, every later request fails at once instead of logging in again. */
	stop(failure: Failure): void {
		this.stopped ??= failure;
	}

	/**
	 * Waits while another request logs in; returns a release function if this request is the
	 * one that will log in (no token stored), which it must call once answered. Between reading
	 * the credential and claiming the login nothing is awaited, so two requests never both log in.
	 */
	async awaitLogin(): Promise<(() => void) | undefined> {
		for (;;) {
			const { data } = await this.credential();
			const pending = this.login;
			if (pending !== undefined) {
				await pending;
				continue;
			}
			const token = tokenOf(data ?? {});
			if (token !== '' && tokenFits(data ?? {})) return undefined;
			if (token !== '' && data) {
				// Issued for other fields (the password or the base URL changed): never sent, n8n logs in anew.
				this.tokensSeen.add(token);
				data.accessToken = '';
			}
			return this.claimLogin();
		}
	}

	private claimLogin(): () => void {
		let release = () => {};
		const login = new Promise<void>((resolve) => (release = resolve));
		this.login = login;
		return () => {
			if (this.login === login) this.login = undefined;
			release();
		};
	}

	/**
	 * After Crayon rejected `staleToken`: makes the next request log in again, unless the token
	 * was renewed meanwhile, by another item or by another process (another queue-mode worker).
	 */
	async renewToken(staleToken: string): Promise<void> {
		const data = (await this.credential()).data ?? {};
		if (tokenOf(data) !== staleToken) return;
		// An empty token makes n8n log in before the next request (the credential's preAuthentication);
		// the claim holds the other requests back while the stored credential is read.
		data.accessToken = '';
		this.tokensSeen.add(staleToken);
		const release = this.claimLogin();
		try {
			const stored = tokenOf(await this.context.getCredentials(CREDENTIAL_TYPE));
			if (stored !== staleToken) data.accessToken = stored;
		} finally {
			release();
		}
	}

	/** Remembers the token just sent or received, for masking. */
	async noteToken(): Promise<void> {
		const token = await this.token();
		if (token !== '') this.tokensSeen.add(token);
	}

	/** Every form of every secret to mask: the client secret, the password, the Basic header, each token seen. */
	async secrets(): Promise<string[]> {
		const { data } = await this.credential();
		const key = [...this.tokensSeen, tokenOf(data ?? {})].join('\n');
		if (this.cachedSecrets?.key !== key) {
			this.cachedSecrets = { key, secrets: secretsOf(data ?? {}, this.tokensSeen) };
		}
		return this.cachedSecrets.secrets;
	}

	/** A copy of `value` fit to be shown: every secret masked. */
	async redact<T>(value: T): Promise<T> {
		return redact(value, await this.secrets());
	}
}
