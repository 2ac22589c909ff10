// Run with n8n's own Node (24: node:sqlite): prints the executions of an n8n SQLite database
// as JSON, with each execution's run data (n8n stores it with `flatted`).
//   node read-executions.mjs <database.sqlite> <n8n install dir>
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const [databasePath, n8nDir] = process.argv.slice(2);
const { parse } = createRequire(join(n8nDir, 'package.json'))('flatted');

const db = new DatabaseSync(databasePath, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');
const rows = db
	.prepare(
		`SELECT e.id, e.workflowId, e.mode, e.status, e.finished, e.startedAt, e.stoppedAt, d.data
		 FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ORDER BY e.id`,
	)
	.all();
const executions = rows.map(({ data, ...row }) => {
	let runData;
	let error;
	if (typeof data === 'string' && data.length > 0) {
		const parsed = parse(data);
		runData = parsed?.resultData?.runData;
		error = parsed?.resultData?.error;
	}
	return { ...row, id: Number(row.id), finished: Boolean(row.finished), runData, error };
});
process.stdout.write(JSON.stringify(executions));
db.close();
