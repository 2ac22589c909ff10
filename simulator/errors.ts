import { STATUS_CODES } from 'node:http';

/** One entry of the Crayon error body's ObjectErrors (Crayon.Api.Sdk InternalError). */
export interface ObjectError {
	ErrorCode: string;
	Message: string;
	Parameters: Record<string, string>;
}

/** The Crayon error body (Crayon.Api.Sdk Error): {ErrorCode, Message, Parameters, ObjectErrors}. */
export interface CrayonErrorBody {
	ErrorCode: string;
	Message: string;
	Parameters: Record<string, string>;
	ObjectErrors: ObjectError[];
}

/** '400 BadRequest', '404 NotFound', '503 ServiceUnavailable'... */
export function errorCode(status: number): string {
	const reason = (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, '');
	return `${status} ${reason}`;
}

export function crayonErrorBody(
	status: number,
	message: string,
	objectErrors: ObjectError[] = [],
	parameters: Record<string, string> = {},
): CrayonErrorBody {
	return {
		ErrorCode: errorCode(status),
		Message: message,
		Parameters: parameters,
		ObjectErrors: objectErrors,
	};
}

/** A validation problem with one property of the request. */
export interface FieldError {
	/** PascalCase property path as documented, e.g. 'CustomerTenant.Id', 'OrderLines[0].Quantity'. */
	property: string;
	/** JSON path as the client sent it, e.g. 'customerTenant.id'. */
	path: string;
	message: string;
	/** ObjectErrors[].ErrorCode: Required, InvalidType, OutOfRange, InvalidValue, NotFound or a business reason code. */
	code: string;
	/** Extra ObjectErrors[].Parameters. */
	parameters?: Record<string, string>;
}

/** Thrown by handlers; turned into a Crayon error response by the server. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly objectErrors: ObjectError[] = [],
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	body(): CrayonErrorBody {
		return crayonErrorBody(this.status, this.message, this.objectErrors);
	}

	static badRequest(errors: FieldError[]): ApiError {
		return new ApiError(
			400,
			errors.map((e) => e.message).join(' '),
			errors.map((e) => ({
				ErrorCode: e.code,
				Message: e.message,
				Parameters: { PropertyName: e.property, Path: e.path, ...e.parameters },
			})),
		);
	}

	static badRequestField(
		property: string,
		message: string,
		code = 'InvalidValue',
		path = property,
	): ApiError {
		return ApiError.badRequest([{ property, path, message, code }]);
	}

	static notFound(message: string): ApiError {
		return new ApiError(404, message);
	}
}

/** Body of the 401 response (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Error.cs for the shape). */
export const INVALID_TOKEN_BODY = {
	ErrorCode: '401 Unauthorized',
	Message: 'Invalid token',
} as const;
