/** GET /api/v2/subscriptions/coterminosity?organizationId&customerTenantId&subscriptionId&termDuration */
import { ApiError } from '../errors';
import type { HandlerResult, RequestContext, SimulatorContext } from '../context';
import { TERM_DURATIONS } from '../enums';
import { coterminosityOptions } from '../rules';
import { Validator, queryInt } from '../validation';

export function getCoterminosityDates(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const organizationId = queryInt(v, req.query, 'organizationId');
	let tenantId = queryInt(v, req.query, 'customerTenantId');
	const subscriptionId = queryInt(v, req.query, 'subscriptionId');
	const termText = req.query.get('termDuration');
	const term = TERM_DURATIONS.find((t) => t === termText?.trim().toUpperCase());
	if (!termText)
		v.add('termDuration', 'termDuration', 'The termDuration field is required.', 'Required');
	else if (!term)
		v.add(
			'termDuration',
			'termDuration',
			`The termDuration field must be one of 'P1M', 'P1Y' or 'P3Y'; '${termText}' is not supported.`,
			'InvalidValue',
		);
	if (tenantId === undefined && subscriptionId === undefined && v.ok) {
		v.add(
			'customerTenantId',
			'customerTenantId',
			'The customerTenantId field is required (or give subscriptionId).',
			'Required',
		);
	}
	v.throwIfInvalid();

	if (subscriptionId !== undefined) {
		const sub = sim.state.subscriptions.get(subscriptionId);
		if (!sub) throw ApiError.notFound(`Subscription ${subscriptionId} was not found.`);
		if (tenantId !== undefined && tenantId !== sub.tenantId) {
			throw ApiError.badRequestField(
				'customerTenantId',
				`Subscription ${subscriptionId} does not belong to customer tenant ${tenantId}.`,
				'InvalidValue',
				'customerTenantId',
			);
		}
		tenantId = sub.tenantId;
	}
	const tenant = sim.state.tenants.get(tenantId as number);
	if (!tenant)
		throw ApiError.badRequestField(
			'customerTenantId',
			`Customer tenant ${tenantId} was not found.`,
			'NotFound',
			'customerTenantId',
		);
	if (organizationId !== undefined && organizationId !== tenant.organizationId) {
		throw ApiError.badRequestField(
			'organizationId',
			`Customer tenant ${tenant.id} does not belong to organization ${organizationId}.`,
			'InvalidValue',
			'organizationId',
		);
	}
	const options = coterminosityOptions(
		sim.state,
		tenant.id,
		term as NonNullable<typeof term>,
		req.now,
		subscriptionId,
	);
	return {
		status: 200,
		body: {
			CalendarMonthDate: options.calendarMonthDate,
			Subscriptions: options.subscriptions.map((s) => ({
				Id: s.id,
				FriendlyName: s.name,
				TermDuration: s.termDuration,
				EndDate: s.commitmentEndDate,
			})),
		},
	};
}
