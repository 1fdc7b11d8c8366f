export * from './vocabulary.js';
export * from './ids.js';
export * from './document.js';
export * from './problems.js';
export * from './read.js';
export * from './commands.js';
