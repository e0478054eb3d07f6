export * from './app-config.js';
export * from './config.module.js';
export { ConfigError } from './env.js';
