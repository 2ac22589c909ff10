// Waiting with a limit. Nothing in the suite waits without one: a wait that can end only
// when n8n does something would otherwise hang the run when n8n does not.

/** Resolves 'timeout' after `ms` without keeping the driver alive (for Promise.race). */
export function timeout(ms) {
	return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/**
 * Polls `probe` (resolving truthy when ready) until `timeoutMs`; resolves with its value. The
 * error names what was awaited and the probe's last error; `abortIf` (returning a reason, e.g.
 * "the process exited") ends the wait early.
 */
export async function waitUntil(what, probe, { timeoutMs, intervalMs = 250, abortIf } = {}) {
	if (!timeoutMs) throw new Error(`waitUntil(${what}) needs a timeout`);
	const deadline = Date.now() + timeoutMs;
	let lastError;
	for (;;) {
		const reason = abortIf?.();
		if (reason) throw new Error(`Gave up waiting for ${what}: ${reason}`);
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			throw new Error(
				`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** A GET that answers 2xx within 2 s (readiness and health endpoints). */
export async function httpOk(url) {
	const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
	return response.ok;
}
