// The element's flow chunk: everything an interactive form does not need, loaded with one dynamic import (a chunk of
// its own in the ES build, inline in the classic script). The model's actions (model/flow.ts), the sandbox processor
// and the hosted hand-off, and the views of a payment's outcome. flow-loader.ts fetches it while the session GET runs.
export * from './model/flow.ts';
export { createSandboxProcessor } from '../processors/sandbox.ts';
export { HostedProcessor } from '../processors/hosted.ts';
export { outcomeWords, renderOutcome, type OutcomeState } from './views/outcome.ts';
