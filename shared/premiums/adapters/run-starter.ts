import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { RunRequest, RunStarter } from '../application/reconciliation-runs';

/**
 * Starts a reconciliation run as an asynchronous invocation of the reconciliation function (the one the schedule
 * invokes). Lambda queues the event, retries it twice on error and sends it to the function's failure destination;
 * the endpoint comes from AWS_ENDPOINT_URL_LAMBDA when set (the twin), so nothing here knows where it runs.
 */
export class LambdaRunStarter implements RunStarter {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async start(request: RunRequest): Promise<void> {
    const out = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    if (out.StatusCode !== 202) throw new Error(`The reconciliation run was not queued (status ${out.StatusCode})`);
  }
}
