export * from './codes.js';
export * from './roles.js';
export * from './api.js';
export * from './members.js';
export * from './frames.js';
