import type { Reporter, TestModule } from 'vitest/node';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Ends the run with the plain `N passed, N failed` line that CI reads, after where the time went:
 * per project the summed import (collect) and test time, and the slowest files, so that keeping CI
 * inside its budget starts from figures, not guesses.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const perProject = new Map<string, { files: number; collect: number; tests: number }>();
    const files: { name: string; collect: number; tests: number }[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      const { collectDuration: collect, duration: tests } = module.diagnostic();
      const project = module.project.name || 'default';
      const sum = perProject.get(project) ?? { files: 0, collect: 0, tests: 0 };
      perProject.set(project, { files: sum.files + 1, collect: sum.collect + collect, tests: sum.tests + tests });
      files.push({ name: `${project} ${module.moduleId.replace(/^.*\/server\//, '')}`, collect, tests });
    }
    const lines = ['', 'Time per project (summed over workers): import / tests'];
    for (const [project, sum] of perProject) lines.push(`  ${project}: ${sum.files} files, ${seconds(sum.collect)} / ${seconds(sum.tests)}`);
    lines.push('Slowest files: import / tests');
    for (const f of files.sort((a, b) => b.collect + b.tests - (a.collect + a.tests)).slice(0, 15)) {
      lines.push(`  ${seconds(f.collect)} / ${seconds(f.tests)}  ${f.name}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
