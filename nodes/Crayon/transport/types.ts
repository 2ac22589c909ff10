import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** Which request, in errors: "POST /api/v1/subscriptions/". */
export interface RequestLine {
	method: IHttpRequestMethods;
	/** Path below the API base URL, e.g. `/api/v1/subscriptions/`. */
	path: string;
}

/** A field of the node whose value went into a request: what an error tells the user to change. */
export interface SentField {
	/** The field's label in the node: "Part Number". */
	label: string;
	value: unknown;
	/** How Crayon names it in its errors ("PartNumber", "Product"), matched ignoring case and spaces. */
	crayonNames: string[];
}

export interface CrayonRequest extends RequestLine {
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** What the request does, in a few words, for errors: "create a subscription of …". */
	action?: string;
	/** The node's fields that went into the request. */
	sent?: SentField[];
}

/** What a read-only look at Crayon told about a purchase whose answer was lost. */
export interface OutcomeFinding {
	/** `unclear` when the lookup cannot tell, e.g. because Crayon processes the order later. */
	verdict: 'bought' | 'notBought' | 'unclear';
	/** Completes "A lookup at Crayon found …", e.g. "subscription 5121 (…)". */
	details: string;
}

/** What a lookup must leave aside: see PurchaseLedger.lookupScope. */
export interface LookupContext {
	/** When the purchase was (last) sent. */
	sentAt: Date;
	/** Subscriptions created by this execution's other purchases: never proof of this one. */
	createdByOthers: Set<number>;
	/** Another purchase of this execution may have created the same thing, unseen. */
	ambiguous: boolean;
}

export interface OutcomeLookup {
	/**
	 * Whether "not found" proves Crayon did not process the purchase, because it creates what
	 * it buys before it answers. Only then may a purchase answered 429 or 503 be sent again,
	 * after the lookup found nothing.
	 */
	decisive: boolean;
	/** Reads (never buys) to find out whether the purchase went through. */
	find(context: LookupContext): Promise<OutcomeFinding>;
}

/** Buys or changes something at Crayon: never sent twice unless it provably did not arrive. */
export interface PurchaseRequest<Answer> extends CrayonRequest {
	/** What is bought, in a few words, for the run summary and errors: "create a subscription of …". */
	action: string;
	/**
	 * What identifies the purchase at Crayon, from its answer: "subscription 5121"; undefined
	 * for an answer in which Crayon declines (an add-on answered `false`): nothing was bought.
	 */
	identify(answer: Answer): { identity: string; createdIds?: number[] } | undefined;
	/** Equal for purchases a lookup cannot tell apart (same tenant, product and quantity). */
	signature?: string;
	/** How to look the purchase up when its answer is lost or unreadable. */
	lookup?: OutcomeLookup;
}

export interface RequestSettings {
	/** The whole request, answer included, in milliseconds. */
	timeoutMs: number;
	/** Further attempts after the first, for failures that provably did not reach Crayon. */
	maxRetries: number;
	/** Longest Retry-After (or backoff) the node is willing to wait, in milliseconds. */
	maxRetryDelayMs: number;
	/** The largest answer read, in bytes. */
	maxAnswerBytes: number;
	/**
	 * How many pages of lists may be read ahead at once, by all items of the session together,
	 * beyond the page each item awaits: Concurrency − 1, so Concurrency 1 reads page after page.
	 */
	readAhead: number;
}
