// better-sqlite3 has no downloadable prebuilt binary here, so node-gyp compiles it and needs
// Node's headers. They ship under Node's install prefix; pnpm 12 passes no npm_config_* from
// the environment to build scripts, so hand the prefix to them explicitly.
const fs = require('node:fs');
const path = require('node:path');

function nodePrefix() {
  return path.resolve(path.dirname(process.execPath), '..');
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const prefix = nodePrefix();
      if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
        config.extraEnv = { ...(config.extraEnv ?? {}), npm_config_nodedir: prefix };
      }
      return config;
    },
  },
};
