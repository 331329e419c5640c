import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { secretOnce } from './secret-once';

/**
 * A Secrets Manager secret's string, read once per cold start (secretOnce). The endpoint comes from
 * AWS_ENDPOINT_URL_SECRETS_MANAGER when set (the twin answers GetSecretValue), so nothing here knows where it runs.
 */
export const secretString = (client: SecretsManagerClient, secretId: string): (() => Promise<string>) =>
  secretOnce(async () => {
    const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!out.SecretString) throw new Error(`Secret ${secretId} has no string value`);
    return out.SecretString;
  });
