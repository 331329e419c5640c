import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The twin's Secrets Manager endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER): `GetSecretValue` of the twin's own secrets
 * (the sandbox bank's key), in the AWS JSON 1.1 protocol the SDK speaks. Any other call or name is refused as AWS
 * would refuse it.
 */
export const startSecretsEndpoint = async (
  secrets: Record<string, string>,
): Promise<{ server: Server; url: string; stop: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      const action = String(req.headers['x-amz-target'] ?? '');
      let body: { SecretId?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(400, { __type: 'InvalidRequestException', message: 'The request body is not JSON' });
      }
      if (action !== 'secretsmanager.GetSecretValue') return reply(400, { __type: 'UnknownOperationException' });
      const name = body.SecretId ?? '';
      if (!Object.hasOwn(secrets, name))
        return reply(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      return reply(200, {
        ARN: `arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:${name}`,
        Name: name,
        SecretString: secrets[name],
        VersionId: 'local',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 0,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};
