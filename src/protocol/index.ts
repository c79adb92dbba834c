// The checkout protocol: codes, capabilities and version, the message schemas, and the calls the public client lacks.
// The OpenAPI export (openapi.ts) is Node-only and deliberately not here. Browser code imports the file it needs
// (tax.ts, session.ts…) rather than this barrel: requests.ts carries the request schemas the bundle leaves out.
export * from './codes.ts';
export * from './capabilities.ts';
export * from './errors.ts';
export * from './tax.ts';
export * from './session.ts';
export * from './payment.ts';
export * from './status.ts';
export * from './requests.ts';
export * from './client.ts';
