// esbuild inlines only the fields imported here, not the whole package.json.
import { name, publisher, version } from '../../../package.json';

export const TOOL_NAME = 'SpecReady';
export const TOOL_VERSION: string = version;
/** The Marketplace listing: the one public home the package metadata defines. */
export const INFORMATION_URI = `https://marketplace.visualstudio.com/items?itemName=${publisher}.${name}`;
