import * as listSearch from './listSearch';

/** `methods` of the Crayon nodes: the searchable lists behind their Resource Locators. */
export const methods = { listSearch };
