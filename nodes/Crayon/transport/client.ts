import type { NodeApiError } from 'n8n-workflow';
import type { z } from 'zod';

import { expectedOf, parseBody } from './answers';
import { deliveryOf, retryAfterOf, type Failure } from './failures';
import {
	FILE_EXPECTED,
	fileReaderFor,
	MAX_FILE_ANSWER_BYTES,
	type DownloadedFile,
	type FileReader,
} from './files';
import { transmit, type Answer } from './http';
import type { Purchase } from './ledger';
import {
	crayonError,
	failureText,
	outcomeUnknownText,
	purchaseLines,
	unreadableReadText,
	type ErrorText,
} from './messages';
import { nextRetryDelayMs } from './retry';
import type { CrayonSession } from './session';
import type { CrayonRequest, OutcomeFinding, PurchaseRequest } from './types';

/**
 * What an operation uses to talk to Crayon for one input item: `read` for requests without
 * side effects, `purchase` for those that buy or change something. Both check the answer
 * against a schema, so a truncated body, an HTML error page or a changed API never becomes a
 * silently wrong output item.
 */
export class CrayonClient {
	constructor(
		private readonly session: CrayonSession,
		readonly itemIndex: number,
	) {}

	/** Sends a request without side effects; retries what is safe to retry. */
	async read<S extends z.ZodTypeAny>(request: CrayonRequest, schema: S): Promise<z.output<S>> {
		const sent = await transmit(this.session, request, false);
		if (sent.failure) throw await this.readFailure(request, sent.failure, sent.attempts);
		const body = parseBody(sent.answer.bytes);
		const parsed = schema.safeParse(body);
		if (parsed.success) return parsed.data as z.output<S>;
		const failure = {
			kind: 'unreadable' as const,
			status: sent.answer.status,
			body,
			expected: expectedOf(schema),
		};
		throw await this.error(unreadableReadText(request, failure, await this.session.secrets()));
	}

	private async readFailure(
		request: CrayonRequest,
		failure: Failure,
		attempts: number,
	): Promise<NodeApiError> {
		const secrets = await this.session.secrets();
		return await this.error(
			failureText({ ...request, purchase: false }, failure, attempts, secrets),
		);
	}

	/** A read started now if the session may read one more page ahead (CrayonSession.readAhead). */
	readAhead<T>(read: () => Promise<T>): Promise<T> | undefined {
		return this.session.readAhead(read);
	}

	/**
	 * Downloads a file without side effects (retried like a read): Crayon's JSON with the file
	 * as base64 in `Data`, or the file itself. The file is decoded while the answer arrives and
	 * may be up to MAX_FILE_ANSWER_BYTES long (the answer); a damaged or cut-off answer, or one
	 * that is neither JSON nor a file, is an error, never a damaged file.
	 */
	async download(request: CrayonRequest): Promise<DownloadedFile> {
		let reader: FileReader | undefined;
		const sent = await transmit(this.session, request, false, {
			maxBytes: MAX_FILE_ANSWER_BYTES,
			expected: FILE_EXPECTED,
			// One reader per attempt: a retried download starts from nothing.
			open: (status, headers) =>
				status >= 200 && status < 300 ? (reader = fileReaderFor(headers)) : undefined,
		});
		if (sent.failure) throw await this.readFailure(request, sent.failure, sent.attempts);
		if (reader === undefined) {
			// A success status never reaches here without its reader; kept for the type checker.
			throw new Error(`No file was read for ${request.method} ${request.path}`);
		}
		return reader.result();
	}

	/**
	 * Sends a purchase once. It is sent again only when it provably did not reach Crayon, or,
	 * after a 429/503, when a decisive lookup found it was not processed. Anything else that
	 * leaves its fate open fails with "Outcome unknown" and what a lookup found.
	 */
	async purchase<S extends z.ZodTypeAny>(
		request: PurchaseRequest<z.output<S>>,
		schema: S,
	): Promise<z.output<S>> {
		const purchase = this.session.ledger.start(this.itemIndex, request.action, request.signature);
		const { settings } = this.session;
		for (let resends = 0; ; ) {
			const sent = await transmit(this.session, request, true);
			if (sent.answer) return this.accept(request, schema, purchase, sent.answer, sent.sentAt);

			const { failure } = sent;
			const delivery = deliveryOf(failure);
			if (delivery === 'notSent' || delivery === 'refused') {
				purchase.outcome = 'notBought';
				const secrets = await this.session.secrets();
				throw await this.error(
					failureText({ ...request, purchase: true }, failure, sent.attempts + resends, secrets),
				);
			}
			const lookup = request.lookup;
			if (delivery !== 'busy' || !lookup?.decisive) {
				throw await this.outcomeUnknown(request, purchase, failure, sent.sentAt);
			}
			// Crayon said it is busy, which may not be true of the work itself: look before sending again.
			const delayMs = nextRetryDelayMs(
				{ maxRetries: settings.maxRetries, maxDelayMs: settings.maxRetryDelayMs },
				resends,
				retryAfterOf(failure),
			);
			if (delayMs !== undefined) await this.session.backoff.backOff(delayMs);
			const finding = await this.find(request, purchase, sent.sentAt);
			if ('lookupFailed' in finding || finding.verdict !== 'notBought') {
				throw await this.outcomeUnknown(request, purchase, failure, sent.sentAt, finding);
			}
			if (delayMs === undefined) {
				purchase.outcome = 'notBought';
				const secrets = await this.session.secrets();
				const text = failureText(
					{ ...request, purchase: true },
					failure,
					sent.attempts + resends,
					secrets,
				);
				throw await this.error({
					...text,
					description: `${text.description ?? ''}\nA lookup at Crayon confirms it: ${finding.details}.`,
				});
			}
			resends++;
		}
	}

	private async accept<S extends z.ZodTypeAny>(
		request: PurchaseRequest<z.output<S>>,
		schema: S,
		purchase: Purchase,
		answer: Answer,
		sentAt: Date,
	): Promise<z.output<S>> {
		const body = parseBody(answer.bytes);
		const parsed = schema.safeParse(body);
		if (!parsed.success) {
			const failure: Failure = {
				kind: 'unreadable',
				status: answer.status,
				body,
				expected: expectedOf(schema),
			};
			throw await this.outcomeUnknown(request, purchase, failure, sentAt);
		}
		const identified = request.identify(parsed.data as z.output<S>);
		if (identified === undefined) {
			purchase.outcome = 'notBought';
		} else {
			purchase.outcome = 'bought';
			purchase.identity = identified.identity;
			purchase.createdIds = identified.createdIds ?? [];
		}
		return parsed.data as z.output<S>;
	}

	/** Records subscriptions an earlier purchase of this item created, once known (e.g. after an NCE order). */
	noteCreated(subscriptionIds: number[]): void {
		const [latest] = this.session.ledger.madeBy(this.itemIndex).slice(-1);
		latest?.createdIds.push(...subscriptionIds);
	}

	private async find(
		request: PurchaseRequest<unknown>,
		purchase: Purchase,
		sentAt: Date,
	): Promise<OutcomeFinding | { lookupFailed: string }> {
		if (request.lookup === undefined) return { lookupFailed: 'no lookup' };
		try {
			return await request.lookup.find({ sentAt, ...this.session.ledger.lookupScope(purchase) });
		} catch (error) {
			return { lookupFailed: (error as Error).message };
		}
	}

	private async outcomeUnknown(
		request: PurchaseRequest<unknown>,
		purchase: Purchase,
		failure: Failure,
		sentAt: Date,
		known?: OutcomeFinding | { lookupFailed: string },
	): Promise<NodeApiError> {
		const finding =
			known ?? (request.lookup ? await this.find(request, purchase, sentAt) : undefined);
		purchase.outcome =
			finding && 'verdict' in finding && finding.verdict === 'bought' ? 'likelyBought' : 'unknown';
		const secrets = await this.session.secrets();
		return await this.error(outcomeUnknownText(request, failure, finding, secrets));
	}

	/**
	 * A NodeApiError for this item. When the item already bought something before this failure
	 * (an NCE order placed, then waiting for its subscription failed), the error says so: running
	 * the item again would buy again.
	 */
	async error(text: ErrorText): Promise<NodeApiError> {
		const bought = this.session.ledger
			.madeBy(this.itemIndex)
			.filter((purchase) => purchase.outcome === 'bought');
		const note =
			bought.length === 0
				? undefined
				: `This item's purchase went through before this failed (${purchaseLines(bought).join('; ')}). ` +
					'Do not run this item again: that would buy again.';
		const withNote: ErrorText =
			note === undefined
				? text
				: {
						...text,
						message: `${text.message} (after ${bought.map((purchase) => purchase.identity ?? purchase.action).join(', ')} went through)`,
						description: text.description ? `${note}\n${text.description}` : note,
					};
		// Like n8n's own item errors, the headline names the item.
		const inItem = { ...withNote, message: `${withNote.message} [item ${this.itemIndex}]` };
		return crayonError(
			this.session.context.getNode(),
			inItem,
			this.itemIndex,
			await this.session.secrets(),
		);
	}
}
