// n8n loads nodes and credentials from the paths in package.json's "n8n" section, not from this entry point.
module.exports = {};
