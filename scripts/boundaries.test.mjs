// The boundary check (scripts/boundaries.mjs) must fail on a new violation: each test plants one
// in the real tree for the length of one check and always removes it. Run by the server's vitest.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLANT = '__planted-violation-';
const TIMEOUT = 120_000;

/** `node scripts/boundaries.mjs`: its exit code and everything it printed. */
function check() {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'scripts', 'boundaries.mjs')], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Writes `source` into a uniquely named file under `dir`, runs the check, removes the file. */
async function checkWithPlant(dir, extension, source) {
  const file = join(root, dir, `${PLANT}${randomUUID().slice(0, 8)}${extension}`);
  writeFileSync(file, source);
  try {
    return { file: file.slice(root.length), ...(await check()) };
  } finally {
    rmSync(file, { force: true });
  }
}

/** The first module under `dir` with a source file `name` matches, looked up now: modules come and go. */
function someModule(dir, name) {
  for (const module of readdirSync(join(root, dir), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const file = readdirSync(join(root, dir, module.name)).find((f) => name.test(f) && !f.includes('.test.'));
    if (file) return { module: module.name, file };
  }
  throw new Error(`no module under ${dir} with a file matching ${name}`);
}

/** `text` as a regular expression that matches it literally. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Violation lines (`error <rule>: <from> → <to>`) of the err reporter. */
const violations = (output) => output.split('\n').filter((line) => /^\s*error [a-z-]+:/.test(line));

describe('npm run boundaries', () => {
  it(
    'passes on the tree as it is (known violations aside)',
    async () => {
      const { code, output } = await check();
      // Another run of this file may have a plant in the tree at this moment; only its lines may show.
      expect(violations(output).filter((line) => !line.includes(PLANT))).toEqual([]);
      if (!output.includes(PLANT)) expect(code, output).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'fails when the platform imports a module',
    async () => {
      const { module } = someModule('server/src/modules', /^index\.ts$/);
      const { code, output, file } = await checkWithPlant('server/src/platform', '.ts', `import '#modules/${module}/index.ts';\n`);
      expect(code).not.toBe(0);
      expect(violations(output)).toContainEqual(expect.stringMatching(`error platform-no-modules: ${literal(file)} → server/src/modules/${module}/index\\.ts`));
    },
    TIMEOUT,
  );

  it(
    'fails when two web features import each other (a cycle through their index files)',
    async () => {
      const tag = randomUUID().slice(0, 8);
      const [a, b] = [`${PLANT}a-${tag}`, `${PLANT}b-${tag}`];
      for (const [from, to] of [
        [a, b],
        [b, a],
      ]) {
        mkdirSync(join(root, 'web/src/modules', from), { recursive: true });
        writeFileSync(join(root, 'web/src/modules', from, 'index.ts'), `export * from '#modules/${to}';\nexport const ${from.replace(/\W/g, '_')} = 1;\n`);
      }
      try {
        const { code, output } = await check();
        expect(code).not.toBe(0);
        expect(violations(output)).toContainEqual(expect.stringMatching(`error web-feature-cycle: web/src/modules/${literal(a)}/index\\.ts`));
      } finally {
        for (const dir of [a, b]) rmSync(join(root, 'web/src/modules', dir), { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it(
    'fails when web shared/ imports a feature (through the #modules alias)',
    async () => {
      const { module, file: target } = someModule('web/src/modules', /^[^.]+\.tsx?$/);
      const specifier = `#modules/${module}/${target.replace(/\.tsx?$/, '')}`;
      const { code, output, file } = await checkWithPlant('web/src/shared', '.ts', `import '${specifier}';\n`);
      expect(code).not.toBe(0);
      expect(violations(output)).toContainEqual(
        expect.stringMatching(`error web-shared-no-features: ${literal(file)} → web/src/modules/${literal(`${module}/${target}`)}`),
      );
    },
    TIMEOUT,
  );
});
