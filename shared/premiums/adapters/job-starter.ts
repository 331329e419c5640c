import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { ImportJobRequest } from '../application/import-jobs';
import type { RunRequest } from '../application/reconciliation-runs';

/**
 * Starts a premium job (an on-demand reconciliation run, an import from storage) as an asynchronous invocation of
 * the premium jobs function, the one the schedule invokes. Lambda queues the event, retries it twice on error and
 * sends it to the function's failure destination; the endpoint comes from AWS_ENDPOINT_URL_LAMBDA when set (the
 * twin), so nothing here knows where it runs.
 */
export class LambdaJobStarter {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async start(request: RunRequest | ImportJobRequest): Promise<void> {
    const out = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    if (out.StatusCode !== 202) throw new Error(`The job was not queued (status ${out.StatusCode})`);
  }
}
