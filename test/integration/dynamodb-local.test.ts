import { execFileSync } from 'node:child_process';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { freePort } from '../../infra/local/ports';

/** The Java processes serving one port (DynamoDB Local is started with `-port <n>`; its watchdog's bash not counted). */
const javaOn = (port: number): string[] => {
  try {
    return execFileSync('pgrep', ['-f', `^java .*DynamoDBLocal.jar -port ${port} `], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

const waitUntil = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 100));
  return check();
};

describe('DynamoDB Local leaves no Java behind', () => {
  it('a last-resort kill (a failed start, a dying twin) ends Java, not only its watchdog', async () => {
    const port = await freePort();
    const ddb = await startDynamoDbLocal({ port });
    expect(javaOn(port)).toHaveLength(1);
    ddb.kill('SIGKILL');
    expect(await waitUntil(() => javaOn(port).length === 0, 5000)).toBe(true);
  });

  it('stop ends Java', async () => {
    const port = await freePort();
    const ddb = await startDynamoDbLocal({ port });
    await ddb.stop();
    expect(await waitUntil(() => javaOn(port).length === 0, 5000)).toBe(true);
  });
});
