/**
 * What the purchases of one node execution did, item by item, as far as the node knows. It
 * lets every error say what was bought before it, keeps an outcome lookup from taking another
 * item's purchase as proof, and tells an operation's later reads that its item already bought.
 */

/** `sent`: on its way; `bought`: Crayon confirmed it; `likelyBought`: a lookup found it; `unknown`: nobody can tell. */
export type PurchaseOutcome = 'sent' | 'bought' | 'likelyBought' | 'unknown' | 'notBought';

export interface Purchase {
	readonly itemIndex: number;
	/** What was bought, in a few words: "create the subscription". */
	readonly action: string;
	/** Equal for purchases a lookup could not tell apart (same tenant, product and quantity). */
	readonly signature?: string;
	outcome: PurchaseOutcome;
	/** What identifies it at Crayon, e.g. "subscription 5121" or "New Commerce order 767bc43f-…". */
	identity?: string;
	/** Subscription (or add-on) ids it created, once known. */
	createdIds: number[];
}

/** What a lookup for one purchase must leave aside. */
export interface LookupScope {
	/** Subscriptions this execution's other purchases created: never proof of this one. */
	createdByOthers: Set<number>;
	/** Another purchase of this execution may have created what this one would have, unseen. */
	ambiguous: boolean;
}

/** Purchases whose result the node cannot attribute to anything yet. */
const UNATTRIBUTED: PurchaseOutcome[] = ['sent', 'unknown', 'likelyBought'];

export class PurchaseLedger {
	private readonly purchases: Purchase[] = [];

	start(itemIndex: number, action: string, signature?: string): Purchase {
		const purchase: Purchase = { itemIndex, action, signature, outcome: 'sent', createdIds: [] };
		this.purchases.push(purchase);
		return purchase;
	}

	lookupScope(purchase: Purchase): LookupScope {
		const others = this.purchases.filter((other) => other !== purchase);
		return {
			createdByOthers: new Set(others.flatMap((other) => other.createdIds)),
			ambiguous: others.some(
				(other) =>
					other.signature !== undefined &&
					other.signature === purchase.signature &&
					(UNATTRIBUTED.includes(other.outcome) ||
						(other.outcome === 'bought' && other.createdIds.length === 0)),
			),
		};
	}

	/** The purchases of one item that went through or may have. */
	madeBy(itemIndex: number): Purchase[] {
		return this.purchases.filter(
			(purchase) => purchase.itemIndex === itemIndex && purchase.outcome !== 'notBought',
		);
	}

	/** Every purchase that went through or may have, in item order. */
	made(): Purchase[] {
		return this.purchases
			.filter((purchase) => purchase.outcome !== 'notBought')
			.sort((first, second) => first.itemIndex - second.itemIndex);
	}
}
