// The element's flow chunk: everything an interactive form does not need, loaded with one dynamic import (a chunk of
// its own in the ES build, inline in the classic script): the model's actions (model/flow.ts) and the views of a
// payment's outcome. flow-loader.ts fetches it while the session GET runs.
export * from './model/flow.ts';
export { outcomeWords, renderOutcome, type OutcomeState } from './views/outcome.ts';
