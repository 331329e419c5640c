import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ImportJobRequest } from '../application/import-jobs';
import type { RunRequest, RunStarter } from '../application/reconciliation-runs';

/**
 * Starts an import from storage as an asynchronous invocation of the premium jobs function. Lambda queues the event, retries it twice on error and
 * sends it to the function's failure destination; the endpoint comes from AWS_ENDPOINT_URL_LAMBDA when set (the
 * twin), so nothing here knows where it runs.
 */
export class LambdaJobStarter {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async start(request: ImportJobRequest): Promise<void> {
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

/**
 * Starts an on-demand reconciliation run: an execution of the reconciliation state machine named by the run id, so a
 * retried request cannot start the same run twice (ExecutionAlreadyExists for another input). The endpoint comes
 * from AWS_ENDPOINT_URL_SFN when set (the twin).
 */
export class StateMachineRunStarter implements RunStarter {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(request: RunRequest): Promise<void> {
    await this.sfn.send(
      new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: request.runId, input: JSON.stringify(request) }),
    );
  }
}
