// The checkout protocol, browser-safe: codes, capabilities and version, the message schemas and the calls the public
// client lacks. The OpenAPI export (openapi.ts) is Node-only and deliberately not re-exported here.
export * from './codes.ts';
export * from './capabilities.ts';
export * from './schemas.ts';
export * from './client.ts';
