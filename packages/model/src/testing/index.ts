// Test support shared with the other packages' tests (`@interlink/model/testing`): arbitraries
// for what peers may write, and boards built through the real commands.
export * from './arbitraries.js';
export * from './boards.js';
export * from './junkBoards.js';
export * from './seed.js';
