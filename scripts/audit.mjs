// CI: `npm audit --omit=dev` summarised; exits 1 on a high or critical advisory in production
// dependencies. A registry that cannot answer the audit (offline mirror) is reported, not failed.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.statusCode ? `HTTP ${report.statusCode}` : (report?.error?.summary ?? 'no answer');
  process.stdout.write(`npm audit --omit=dev: the registry gave no audit (${reason}); not checked\n`);
  process.exit(0);
}
const line = ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ');
process.stdout.write(`npm audit --omit=dev: ${line}\n`);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity === 'high' || v.severity === 'critical') process.stdout.write(`  ${v.severity}: ${name} ${v.range}\n`);
}
process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
