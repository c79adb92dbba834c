// flow-loader.ts for the classic script (vite.lib.config.ts aliases it there): a classic script holds everything in
// one file, so the flow is imported statically and its processors are the real ones, with nothing to defer.
import * as flow from './flow.ts';
import type * as Loader from './flow-loader.ts';

export type { ElementFlow } from './flow-loader.ts';

export const loadFlow: typeof Loader.loadFlow = () => Promise.resolve(flow);
export const loadedFlow: typeof Loader.loadedFlow = () => flow;
export const deferredSandbox: typeof Loader.deferredSandbox = () => flow.createSandboxProcessor();
export const deferredHosted: typeof Loader.deferredHosted = () => new flow.HostedProcessor();
