// Run with n8n's own Node (24: node:sqlite): prints one workflow's static data (where polling
// triggers keep their cursor) from an n8n SQLite database as JSON, or null.
//   node read-static-data.mjs <database.sqlite> <workflow id>
import { DatabaseSync } from 'node:sqlite';

const [databasePath, workflowId] = process.argv.slice(2);
const db = new DatabaseSync(databasePath, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');
const row = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?').get(workflowId);
const raw = row?.staticData;
process.stdout.write(
	JSON.stringify(typeof raw === 'string' && raw.length > 0 ? JSON.parse(raw) : (raw ?? null)),
);
db.close();
