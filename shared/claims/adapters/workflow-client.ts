import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type ClaimWorkflow, TaskTokenGoneError } from '../application/ports';
import { restartExecutionName } from '../domain/reopening';
import { trancheExecutionName } from '../domain/tranche';

/**
 * The claim workflow as the functions see it. The endpoint comes from AWS_ENDPOINT_URL_SFN when set (the local
 * twin's Step Functions endpoint), so no code here knows where it runs.
 */
export class WorkflowClient implements ClaimWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /**
   * Starts the claim's execution, named by its reference (a tranche's `<reference>-T2`, its input naming the
   * tranche). A second start for the same claim is refused by Step
   * Functions (ExecutionAlreadyExists) or answered with the running execution: either way nothing is duplicated.
   */
  async start(reference: string, baseUrl: string, tranche?: string): Promise<'started' | 'already-started'> {
    const name = tranche ? trancheExecutionName(reference, tranche) : reference;
    return this.startNamed(name, tranche ? { reference, baseUrl, tranche } : { reference, baseUrl });
  }

  async restart(reference: string, baseUrl: string, round: number): Promise<'started' | 'already-started'> {
    return this.startNamed(restartExecutionName(reference, round), { reference, baseUrl });
  }

  private async startNamed(name: string, input: Record<string, unknown>): Promise<'started' | 'already-started'> {
    try {
      await this.sfn.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
      return 'started';
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return 'already-started';
      throw error;
    }
  }

  async succeed(token: string, output: Record<string, unknown>): Promise<void> {
    await this.answer(() => this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })));
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    await this.answer(() => this.sfn.send(new SendTaskFailureCommand({ taskToken: token, error, cause })));
  }

  private async answer(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (error instanceof Error && ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'].includes(error.name))
        throw new TaskTokenGoneError(error.message);
      throw error;
    }
  }
}
