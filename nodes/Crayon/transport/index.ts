/**
 * The only layer that talks HTTP. An operation gets a CrayonClient for its item and calls
 * `read` or `purchase`; everything else here serves those two.
 */
export { answer, answerObject, fieldOf, jsonObject } from './answers';
export { CrayonClient } from './client';
export { MAX_FILE_ANSWER_BYTES, type DownloadedFile } from './files';
export { isExactNumber, parseJsonExact } from './json';
export type { PurchaseOutcome } from './ledger';
export { LOGIN_FAILED_CODE, LOGIN_PATH, logIn, normalizeBaseUrl } from './login';
export { purchaseLines } from './messages';
export {
	CREDENTIAL_TYPE,
	CrayonSession,
	DEFAULT_REQUEST_SETTINGS,
	type CrayonContext,
} from './session';
export type {
	CrayonRequest,
	LookupContext,
	OutcomeFinding,
	OutcomeLookup,
	PurchaseRequest,
	RequestSettings,
	SentField,
} from './types';
