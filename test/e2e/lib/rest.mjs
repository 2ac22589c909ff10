// n8n's internal REST API (/rest), as the editor uses it: an owner account is set up on the
// fresh instance, its `n8n-auth` cookie (bound to a `browser-id` header) authenticates the rest.
export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n's password rules: 8-64 characters, a digit and an upper-case letter.
	password: 'E2e-Owner-Passw0rd',
};

export class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.browserId = 'n8n-nodes-crayon-e2e-browser';
		this.cookie = undefined;
	}

	/** One request; resolves `{ status, json, text }` (json undefined when the body is not JSON). */
	async request(method, path, body, { timeoutMs = 30_000 } = {}) {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				accept: 'application/json',
				'browser-id': this.browserId,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		for (const header of response.headers.getSetCookie()) {
			const match = /^n8n-auth=([^;]*)/.exec(header);
			if (match) this.cookie = `n8n-auth=${match[1]}`;
		}
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	/** Creates the instance owner (only possible once, on a fresh instance) and keeps its session. */
	async setUpOwner() {
		const answer = await this.request('POST', '/owner/setup', OWNER);
		if (answer.status !== 200 || !this.cookie) {
			throw new Error(
				`POST /rest/owner/setup answered ${answer.status}${this.cookie ? '' : ' without an n8n-auth cookie'}: ${answer.text.slice(0, 500)}`,
			);
		}
		return answer.json?.data;
	}

	/**
	 * What the credential screen loads when a saved credential is opened:
	 * GET /rest/credentials/:id?includeData=true (secrets come back blanked).
	 */
	async getCredential(id) {
		return await this.request('GET', `/credentials/${encodeURIComponent(id)}?includeData=true`);
	}

	/**
	 * The credential screen's "Test" (and the test after "Save"): POST /rest/credentials/test with
	 * `{ credentials: { id, name, type, data } }` (n8n's TestCredentialRequestDto); n8n puts the
	 * stored values back in for blanked secrets. Answers `{ data: { status: 'OK' | 'Error', message } }`.
	 */
	async testCredential({ id, name, type, data }, { timeoutMs = 90_000 } = {}) {
		return await this.request(
			'POST',
			'/credentials/test',
			{ credentials: { id, name, type, data } },
			{ timeoutMs },
		);
	}

	/**
	 * What the editor sends when a Resource Locator's "From list" is opened or searched:
	 * POST /rest/dynamic-node-parameters/resource-locator-results.
	 */
	async resourceLocatorResults({
		nodeType,
		nodeVersion = 1,
		path,
		methodName,
		currentNodeParameters,
		credentials,
		filter,
		paginationToken,
	}) {
		return await this.request('POST', '/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: nodeType, version: nodeVersion },
			path,
			methodName,
			currentNodeParameters,
			credentials,
			...(filter === undefined ? {} : { filter }),
			...(paginationToken === undefined ? {} : { paginationToken }),
		});
	}
}
