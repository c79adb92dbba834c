// Loads the element's flow chunk (flow.ts) once per page; a load that failed (offline) is tried again on the next call.
export type ElementFlow = typeof import('./flow.ts');

let loading: Promise<ElementFlow> | undefined;
let loaded: ElementFlow | undefined;

/** The flow chunk, loading it if it is not yet. */
export function loadFlow(): Promise<ElementFlow> {
  return (loading ??= import('./flow.ts').then(
    (flow) => (loaded = flow),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The flow chunk if it is in, else undefined. */
export function loadedFlow(): ElementFlow | undefined {
  return loaded;
}
