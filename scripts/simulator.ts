/**
 * Runs the Crayon API simulator standalone.
 *   npm run simulator -- --port 8080 --token-lifetime 3600 --nce-delay 3000 --latency 0 [--host 127.0.0.1] [--log]
 */
import { DEFAULT_CREDENTIALS, SEED, startSimulator, type SimulatorOptions } from '../simulator';

const USAGE = `Usage: simulator [--port 0] [--host 127.0.0.1] [--token-lifetime 3600] [--nce-delay 3000] [--latency 0] [--log] [--allow-past-scheduled-dates] [--order-items-collection]`;

function fail(message: string): never {
	process.stderr.write(`${message}\n${USAGE}\n`);
	process.exit(2);
}

function parseArgs(argv: string[]): SimulatorOptions {
	const options: SimulatorOptions = {};
	const numbers: Record<string, (o: SimulatorOptions, n: number) => void> = {
		'--port': (o, n) => (o.port = n),
		'--token-lifetime': (o, n) => (o.tokenLifetimeSeconds = n),
		'--nce-delay': (o, n) => (o.newCommerceOrderProcessingDelayMs = n),
		'--latency': (o, n) => (o.latencyMs = n),
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		if (flag === '--help' || flag === '-h') {
			process.stdout.write(`${USAGE}\n`);
			process.exit(0);
		}
		if (flag === '--log') {
			options.log = true;
			continue;
		}
		if (flag === '--allow-past-scheduled-dates') {
			options.rejectPastScheduledDates = false;
			continue;
		}
		if (flag === '--order-items-collection') {
			options.orderItemsAnswer = 'collection';
			continue;
		}
		const value = inline ?? argv[++i];
		if (flag === '--host') {
			if (!value) fail('--host needs a value');
			options.host = value;
			continue;
		}
		const set = numbers[flag];
		if (!set) fail(`Unknown option ${flag}`);
		const n = Number(value);
		if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < 0)
			fail(`${flag} needs a number >= 0`);
		set(options, n);
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sim = await startSimulator(options);
	const lines = [
		`Crayon API simulator listening on ${sim.baseUrl}`,
		`  Base URL:      ${sim.baseUrl}`,
		`  Client ID:     ${DEFAULT_CREDENTIALS.clientId}`,
		`  Client secret: ${DEFAULT_CREDENTIALS.clientSecret}`,
		`  Username:      ${DEFAULT_CREDENTIALS.username}`,
		`  Password:      ${DEFAULT_CREDENTIALS.password}`,
		`  Scope:         ${DEFAULT_CREDENTIALS.scope}`,
		`  Seed: organisation ${SEED.organizationId}, tenants ${SEED.tenantId}/${SEED.legacyTenantId}, NCE part ${SEED.ncePartNumber}, ${SEED.subscriptionCount} subscriptions`,
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const shutdown = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`Received ${signal}, stopping the simulator...\n`);
		sim.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(`Failed to stop cleanly: ${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
