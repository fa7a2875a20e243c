// Only for dependency-cruiser: SvelteKit's $lib alias, so the layer rules see where imports really go.
import { fileURLToPath } from 'node:url';

export default { resolve: { alias: { $lib: fileURLToPath(new URL('src/lib', import.meta.url)) } } };
