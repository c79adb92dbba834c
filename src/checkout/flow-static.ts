// flow-loader.ts for the classic script (vite.lib.config.ts aliases it there): a classic script holds everything in
// one file, so the flow is imported statically.
import * as flow from './flow.ts';
import type * as Loader from './flow-loader.ts';

export type { ElementFlow } from './flow-loader.ts';

export const loadFlow: typeof Loader.loadFlow = () => Promise.resolve(flow);
export const loadedFlow: typeof Loader.loadedFlow = () => flow;
