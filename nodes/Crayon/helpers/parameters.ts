import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Top-level parameter names of a description (each once, whatever its display options). */
function parameterNames(properties: INodeProperties[]): string[] {
	return [...new Set(properties.filter((property) => property.type !== 'notice').map((property) => property.name))];
}

/** One item's values of the given parameters, expressions resolved; hidden ones are left out. */
export function readParameters(context: IExecuteFunctions, itemIndex: number, properties: INodeProperties[]): IDataObject {
	const parameters: IDataObject = {};
	for (const name of parameterNames(properties)) {
		// Parameters hidden by display options are absent; null stands for "not given".
		const value = context.getNodeParameter(name, itemIndex, null, { extractValue: true }) as IDataObject[string];
		if (value !== null) parameters[name] = value;
	}
	return parameters;
}
