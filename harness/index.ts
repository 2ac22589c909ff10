/**
 * The n8n-core engine harness: real n8n workflow executions, node contexts and credentials in
 * this process, and the Crayon fixture (simulator + credential store) built on them. A tool
 * library for the tests (test/), the demo (scripts/demo.ts) and the benchmark (bench/); it
 * imports nothing from test/.
 */
export * from './contexts';
export * from './crayon';
export * from './engine';
export { n8nNodesBaseStandIns, sentEmails, type StandInEmail } from './n8n-nodes-base';
