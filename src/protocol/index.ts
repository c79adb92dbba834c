// The checkout protocol: codes, capabilities and version, and the message schemas (the calls are src/api/'s).
// The OpenAPI export (openapi.ts) is Node-only and deliberately not here. Browser code imports the file it needs
// (tax.ts, session.ts…) rather than this barrel: requests.ts carries the request schemas the bundle leaves out.
export * from './codes.ts';
export * from './capabilities.ts';
export * from './errors.ts';
export * from './tax.ts';
export * from './session.ts';
export * from './payments.ts';
export * from './status.ts';
export * from './requests.ts';
