// The checkout protocol: codes, capabilities and version, and the message schemas (the calls are src/api/'s).
// The OpenAPI export (openapi.ts) is Node-only and deliberately not here. Browser code imports the file it needs
// (tax.ts, session.ts…) rather than this barrel: requests.ts carries the request schemas the bundle leaves out.
export * from './codes.js';
export * from './capabilities.js';
export * from './errors.js';
export * from './tax.js';
export * from './session.js';
export * from './payments.js';
export * from './status.js';
export * from './requests.js';
