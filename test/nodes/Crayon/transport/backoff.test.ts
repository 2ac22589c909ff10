/** SharedBackoff (transport/pacer.ts) on a virtual clock: who waits, and until when. */
import { Backoff as SharedBackoff } from '../../../../nodes/Crayon/transport/backoff';

/** Time that moves only when the test says so; `wait` resolves once its moment is reached. */
function virtualClock() {
	let now = 0;
	const sleepers: Array<{ until: number; wake: () => void }> = [];
	return {
		now: () => now,
		wait: async (delayMs: number) => {
			await new Promise<void>((wake) => sleepers.push({ until: now + delayMs, wake }));
		},
		async advanceTo(time: number) {
			now = time;
			for (const sleeper of sleepers.filter((candidate) => candidate.until <= now)) {
				sleepers.splice(sleepers.indexOf(sleeper), 1);
				sleeper.wake();
			}
			// Let woken requests run until they either finish or wait again.
			for (let turn = 0; turn < 10; turn++) await Promise.resolve();
		},
	};
}

/** Whether a promise has settled, without waiting for it. */
function track(promise: Promise<void>): { settled: boolean } {
	const state = { settled: false };
	void promise.then(() => (state.settled = true));
	return state;
}

describe('SharedBackoff', () => {
	it('lets requests through at once while nobody has been told to wait', async () => {
		const clock = virtualClock();
		const pacer = new SharedBackoff(clock.now, clock.wait);

		const request = track(pacer.beforeRequest());
		await clock.advanceTo(0);

		expect(request.settled).toBe(true);
	});

	it('holds back every other request until the Retry-After one request received has passed', async () => {
		const clock = virtualClock();
		const pacer = new SharedBackoff(clock.now, clock.wait);

		const retry = track(pacer.backOff(1000));
		const otherWorker = track(pacer.beforeRequest());
		await clock.advanceTo(999);
		expect({ retry: retry.settled, otherWorker: otherWorker.settled }).toEqual({
			retry: false,
			otherWorker: false,
		});

		const lateWorker = track(pacer.beforeRequest());
		await clock.advanceTo(1000);
		expect({
			retry: retry.settled,
			otherWorker: otherWorker.settled,
			lateWorker: lateWorker.settled,
		}).toEqual({
			retry: true,
			otherWorker: true,
			lateWorker: true,
		});
	});

	it('extends the pause when a second 429 asks for longer, and never shortens it', async () => {
		const clock = virtualClock();
		const pacer = new SharedBackoff(clock.now, clock.wait);

		const first = track(pacer.backOff(1000));
		await clock.advanceTo(500);
		const second = track(pacer.backOff(1000));
		const shorter = track(pacer.backOff(100));
		await clock.advanceTo(1000);
		expect({ first: first.settled, second: second.settled, shorter: shorter.settled }).toEqual({
			first: false,
			second: false,
			shorter: false,
		});

		await clock.advanceTo(1500);
		expect({ first: first.settled, second: second.settled, shorter: shorter.settled }).toEqual({
			first: true,
			second: true,
			shorter: true,
		});
	});

	it('does not delay requests after the pause is over', async () => {
		const clock = virtualClock();
		const pacer = new SharedBackoff(clock.now, clock.wait);
		const pause = track(pacer.backOff(200));
		await clock.advanceTo(200);
		expect(pause.settled).toBe(true);

		const later = track(pacer.beforeRequest());
		await clock.advanceTo(200);

		expect(later.settled).toBe(true);
	});
});
