// esbuild inlines only the fields imported here, not the whole package.json.
import { version } from '../../../package.json';

export const TOOL_NAME = 'SpecReady';
export const TOOL_VERSION: string = version;
/** The project's home, where rules/docs-url.ts also publishes the rule documentation. */
export const INFORMATION_URI = 'https://github.com/specready/specready';
