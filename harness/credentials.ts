/**
 * In-memory stand-in for n8n's credentials database and its `CredentialsHelper`
 * (packages/cli/src/credentials-helper.ts), reduced to what a node package exercises:
 *
 * - `getDecrypted`: a copy of the stored data with the credential type's defaults applied
 *   (n8n fills unset properties from their `default`, so an absent hidden `accessToken`
 *   reads as `''`). Expressions inside stored credential data are NOT resolved. Like n8n's,
 *   every call is a read of its own (n8n: a database query and a decryption), counted in
 *   `reads` and costing `readCostMs` of CPU (busy, so concurrency cannot hide it either), so a
 *   node that reads the credential per request is as slow here as in n8n and a test can see it.
 * - `authenticate`: generic (`{ type: 'generic', properties: { headers|qs|body|auth } }`,
 *   values may be `={{$credentials.x}}` expressions) and function-style.
 * - `preAuthentication`: runs the type's `preAuthentication` when its hidden
 *   `typeOptions.expirable` property is empty or n8n-core says the credentials expired
 *   (after a 401), then persists the result. n8n-core calls this before every request made
 *   with `httpRequestWithAuthentication`, and once more after a 401 before retrying.
 * - `updateCredentials`: writes back into the store, so a token fetched in one execution is
 *   what the next execution with the same store reads, as with n8n's database.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import {
	ApplicationError,
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	isExpression,
} from 'n8n-workflow';

/** The credentials "database" shared by every `runWorkflow` call it is passed to. */
export interface CredentialStore {
	/** A copy of the data currently stored for a credential type (as persisted, no defaults). */
	data(type: string): ICredentialDataDecryptedObject;
	/** Replace the stored data, like a user editing the credential; not counted in `updates`. */
	set(type: string, data: ICredentialDataDecryptedObject): void;
	/** How many times a credential type's `preAuthentication` actually ran (token fetches). */
	readonly preAuthenticationCalls: number;
	/** How many times the engine persisted credential data (`updateCredentials`). */
	readonly updates: number;
	/** How many times credential data was read decrypted (each `getCredentials` of a node, and n8n's own reads). */
	readonly reads: number;
}

export interface CredentialStoreOptions {
	/**
	 * CPU time every decrypted read costs, in milliseconds. n8n 2.41 spends about this much on a
	 * read (a sqlite query through typeorm, key derivation and an AES decryption, the type's
	 * defaults applied): about 8 ms of CPU per read in the profiles of bench/README.md ("Where
	 * the time goes"), on a loaded two-core machine; 5 ms is charged by default.
	 */
	readCostMs?: number;
}

/** What one decrypted read costs in n8n 2.41 on the benchmark machine (see CredentialStoreOptions). */
export const CREDENTIAL_READ_COST_MS = 5;

class InMemoryCredentialStore implements CredentialStore {
	preAuthenticationCalls = 0;
	updates = 0;
	reads = 0;
	private readonly byType = new Map<string, ICredentialDataDecryptedObject>();
	private readonly readCostMs: number;

	constructor(
		initial: Record<string, ICredentialDataDecryptedObject>,
		{ readCostMs = CREDENTIAL_READ_COST_MS }: CredentialStoreOptions,
	) {
		for (const [type, data] of Object.entries(initial)) this.set(type, data);
		this.readCostMs = readCostMs;
	}

	/** A decrypted read as n8n makes it: counted, and costing its CPU time. */
	read(type: string): ICredentialDataDecryptedObject {
		this.reads++;
		// CPU time, not a clock: tests with fake timers stop Date and performance.now().
		const cpuMs = () => {
			const { user, system } = process.cpuUsage();
			return (user + system) / 1000;
		};
		const until = cpuMs() + this.readCostMs;
		while (cpuMs() < until) {
			// n8n's query and decryption hold the thread this long.
		}
		return this.data(type);
	}

	has(type: string): boolean {
		return this.byType.has(type);
	}

	data(type: string): ICredentialDataDecryptedObject {
		const stored = this.byType.get(type);
		if (stored === undefined) throw new Error(`No credentials of type "${type}" in the store`);
		// structuredClone: callers (and nodes) must never mutate what is "in the database".
		return structuredClone(stored);
	}

	set(type: string, data: ICredentialDataDecryptedObject): void {
		this.byType.set(type, structuredClone(data));
	}
}

/** One credential per type, keyed by type name (e.g. `crayonApi`); node credential ids are not checked. */
export function createCredentialStore(
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
	options: CredentialStoreOptions = {},
): CredentialStore {
	return new InMemoryCredentialStore(credentials, options);
}

/** The `credentials` value for a node that uses the stored credential of `type`. */
export function credentialRef(
	type: string,
	name = `${type} account`,
): Record<string, INodeCredentialsDetails> {
	return { [type]: { id: '1', name } };
}

/** Minimal `ICredentials` for `getCredentials()`; data is kept as plain JSON, not encrypted. */
class PlainCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private readonly store: InMemoryCredentialStore,
	) {
		super(details, type);
	}

	getData(): ICredentialDataDecryptedObject {
		return this.store.data(this.type);
	}

	getDataToSave(): ICredentialsEncrypted {
		return {
			id: this.id,
			name: this.name,
			type: this.type,
			data: JSON.stringify(this.getData()),
		};
	}

	setData(data: ICredentialDataDecryptedObject): void {
		this.store.set(this.type, data);
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly store: InMemoryCredentialStore;
	private readonly types = new Map<string, ICredentialType>();

	constructor(store: CredentialStore, credentialTypes: ICredentialType[]) {
		super();
		if (!(store instanceof InMemoryCredentialStore)) {
			throw new Error('Pass a store made by createCredentialStore()');
		}
		this.store = store;
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	private getType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (type === undefined) {
			throw new ApplicationError(`Unknown credential type "${name}": pass it in credentialTypes`);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.getType(name).extends ?? [];
		return parents.flatMap((parent) => [
			parent,
			...(this.types.has(parent) ? this.getParentTypes(parent) : []),
		]);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getType(type);
		const merged: INodeProperties[] = [];
		// As in n8n: parents first, the type's own properties take precedence.
		for (const parent of credentialType.extends ?? []) {
			if (this.types.has(parent)) {
				NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
			}
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		this.assertStored(nodeCredentials, type);
		return new PlainCredentials(nodeCredentials, type, this.store);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.assertStored(nodeCredentials, type);
		const stored = this.store.read(type);
		// n8n applies the credential type's defaults on read (applyDefaultsAndOverwrites).
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject | null;
		return withDefaults ?? stored;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.assertStored(nodeCredentials, type);
		this.store.set(type, data);
		this.store.updates++;
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, {
			...this.store.data(type),
			oauthTokenData: data.oauthTokenData,
		});
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			// Same shape as n8n: every `properties.<part>.<key>` becomes `requestOptions[part][key]`,
			// with keys and values resolved as expressions against `$credentials`.
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			target.headers ??= {};
			for (const [part, entries] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					target[part] ??= {};
					target[part][this.resolve(key, credentials, workflow, node)] = this.resolve(
						value,
						credentials,
						workflow,
						node,
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		// Note: an absent value (undefined) does not count as empty, exactly as in n8n; defaults
		// applied by getDecrypted turn an unset hidden property into ''.
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.store.preAuthenticationCalls++;
		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		// n8n persists only when the hook returned the expirable property.
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[credentialType.name];
		if (nodeCredentials === undefined) return undefined;
		// Persist onto the raw stored data, never replacing a field stored as an expression
		// with its resolved value (mirrors n8n's credentials-helper).
		const stored = this.store.data(credentialType.name);
		const toPersist = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, toPersist);
		return Object.assign(credentials, output);
	}

	private resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value as string;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}

	private assertStored(nodeCredentials: INodeCredentialsDetails, type: string): void {
		if (!this.store.has(type)) {
			// Same wording as n8n's CredentialNotFoundError.
			throw new ApplicationError(
				`Credential with ID "${nodeCredentials.id ?? ''}" does not exist for type "${type}".`,
			);
		}
	}
}
