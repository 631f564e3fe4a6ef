export { buildApp } from './app.js';
export type { AppOptions, DocketApp } from './app.js';
export { demoAccounts, demoCredentialLines, seedDemoAccounts } from './auth/demo-accounts.js';
export type { DemoAccount } from './auth/demo-accounts.js';
export { describeDocketEvent, EventHub } from './events/event-hub.js';
export type { DashboardEvent } from './events/event-hub.js';
export { defaultWebRoot, portFromEnv, startServer } from './start-server.js';
export type { ServerHandle, ServerOptions } from './start-server.js';
