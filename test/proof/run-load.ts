/**
 * The proof suite's load on its own: `npx tsx test/proof/run-load.ts [claims=5000] [connections=50]` starts a twin
 * (as the suite does, in a child process, log in test-results/proof-load.log), runs test/proof/load.ts against it and
 * prints the report.
 */
import { describeLoad, runLoad } from './load';
import { proofTwin } from './twin';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const [claims = 5000, connections = 50] = process.argv.slice(2).map(Number);
const twin = await proofTwin({ name: 'proof-load', bankTimeoutMs: 10_000 });
try {
  await twin.start();
  const report = await runLoad({ apiUrl: twin.apiUrl, claims, connections, log: (line) => console.log(line) });
  console.log(describeLoad(report));
} finally {
  await twin.stop();
}
