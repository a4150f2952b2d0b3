// Bundles the server and its workspace packages into dist/main.js; third-party packages
// the server declares stay external and load from node_modules. Migrations are copied
// beside the bundle so it applies them on start.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(manifest.dependencies).filter(
  (name) => !name.startsWith('@switchboard/'),
);

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}/src/main.ts`],
  outfile: `${root}/dist/main.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
cpSync(
  fileURLToPath(new URL('../../../packages/db/drizzle', import.meta.url)),
  `${root}/dist/drizzle`,
  {
    recursive: true,
  },
);
console.log('built apps/server/dist/main.js');
