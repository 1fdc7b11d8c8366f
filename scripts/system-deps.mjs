// The browser tests drive Debian's Chromium, and the scale-out tests start Redis and
// PostgreSQL; none of them comes from npm. On a fresh Debian machine where we are root, install
// what is missing from Debian's packages, so that the README's test command works as written;
// elsewhere, say exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** PostgreSQL's server binary lives under its major version: /usr/lib/postgresql/<version>/bin/postgres. */
function hasPostgres() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'postgres')));
}

const needed = [
  { present: () => existsSync('/usr/bin/chromium'), packages: ['chromium', 'fonts-dejavu-core'] },
  { present: () => existsSync('/usr/bin/redis-server'), packages: ['redis-server'] },
  { present: hasPostgres, packages: ['postgresql'] },
];

const missing = needed.filter((dep) => !dep.present()).flatMap((dep) => dep.packages);
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Tests need these Debian packages: ${missing.join(' ')}. Install them and run again.`);
    process.exit(1);
  }
  console.log(`Installing test dependencies from Debian: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
