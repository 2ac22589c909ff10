import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Top-level parameter names of a description (each once, whatever its display options). */
function parameterNames(properties: INodeProperties[]): string[] {
	return [
		...new Set(
			properties.filter((property) => property.type !== 'notice').map((property) => property.name),
		),
	];
}

/** One item's values of the given parameters, expressions resolved; hidden ones are left out. */
export function readParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	properties: INodeProperties[],
): IDataObject {
	// n8n leaves parameters hidden by display options out of the node, and reading one of
	// them with `extractValue` fails ("Could not find property") instead of falling back.
	const present = context.getNode().parameters;
	const parameters: IDataObject = {};
	for (const name of parameterNames(properties)) {
		if (present[name] === undefined) continue;
		const value = context.getNodeParameter(name, itemIndex, null, {
			extractValue: true,
		}) as IDataObject[string];
		// An expression that yields null means "not given".
		if (value !== null) parameters[name] = value;
	}
	return parameters;
}
