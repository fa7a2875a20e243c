// Only for dependency-cruiser: SvelteKit's $lib alias, so layer rules see where imports really go.
const path = require('node:path');
module.exports = { resolve: { alias: { $lib: path.resolve(__dirname, 'src/lib') } } };
