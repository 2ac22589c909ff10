import { sleep } from 'n8n-workflow';

/**
 * One per node execution. When any request is told to wait (a 429's Retry-After, or the
 * backoff before a retry), every request of the execution waits until the same moment, so
 * concurrent items back off together instead of each one carrying on at full speed until it
 * is rejected too.
 */
export class Backoff {
	private resumeAt = 0;

	constructor(
		private readonly now: () => number = Date.now,
		private readonly wait: (delayMs: number) => Promise<void> = sleep,
	) {}

	/** Resolves when a request may be sent. */
	async beforeRequest(): Promise<void> {
		// Loop: another request may push resumeAt further out while this one waits.
		for (
			let remaining = this.resumeAt - this.now();
			remaining > 0;
			remaining = this.resumeAt - this.now()
		) {
			await this.wait(remaining);
		}
	}

	/** Waits `delayMs` before a retry; requests sent meanwhile wait too. */
	async backOff(delayMs: number): Promise<void> {
		this.resumeAt = Math.max(this.resumeAt, this.now() + delayMs);
		await this.beforeRequest();
	}
}
