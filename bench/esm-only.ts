// Import first in an entry script that times things. The `tsx` command also installs tsx's CommonJS hook,
// and with it every row here ran 20–40% slower (the baseline most; measured on Node 20.20, tsx 4.23).
// If that hook is active, re-run the entry script under tsx's ESM hook alone, which is all these files need,
// and exit with its status.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (createRequire(import.meta.url).extensions['.ts']) {
  const [script, ...args] = process.argv.slice(1);
  const hook = import.meta.resolve('tsx/esm');
  const child = spawnSync(process.execPath, ['--import', hook, script, ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
