import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FunctionName } from '../definitions/functions';
import { LOCAL_ACCOUNT, LOCAL_REGION, type WorkflowDefinition } from './asl';

// aws-local-stepfunctions 3 uses Promise.withResolvers (Node 22); the machines run Node 20. Twin only.
if (!(Promise as unknown as { withResolvers?: unknown }).withResolvers) {
  (Promise as unknown as { withResolvers: () => unknown }).withResolvers = () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export type Invoke = (fn: FunctionName, payload: unknown) => Promise<unknown>;

const STATE_INPUT_PARAMETER = 'TwinStateInput';
/** Node timers hold at most 2^31-1 ms (24.8 days); the workflow's longest wait is 14 days. */
const MAX_TIMER_SECONDS = 2_000_000;

/** A JSONPath of plain field names ($.a.b), as TimeoutSecondsPath uses. */
const readPath = (value: unknown, path: string): unknown =>
  path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

type States = Record<string, Record<string, unknown>>;

/** Every state of a definition, those inside Map and Parallel states included (names are unique in one machine). */
const allStates = (states: States): [string, Record<string, unknown>][] =>
  Object.entries(states).flatMap(([name, state]) => {
    const nested: States[] = [];
    const processor = (state.ItemProcessor ?? state.Iterator) as { States?: States } | undefined;
    if (processor?.States) nested.push(processor.States);
    for (const branch of (state.Branches as { States: States }[] | undefined) ?? []) nested.push(branch.States);
    return [[name, state] as [string, Record<string, unknown>], ...nested.flatMap(allStates)];
  });

/** Fields only a Distributed Map has, which an inline Map refuses or ignores. */
const DISTRIBUTED_ONLY = ['Label', 'ItemReader', 'ResultWriter', 'ItemBatcher', 'ToleratedFailurePercentage', 'ToleratedFailureCount'];

interface Execution {
  arn: string;
  name: string;
  input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  events: { type: string; timestamp: number; stateName?: string }[];
  abort?: () => void;
}

interface Waiter {
  execution: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

/** An error from AWS's Step Functions API (`__type` on the wire). */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

/**
 * The twin's Step Functions: runs the synthesized ASL with aws-local-stepfunctions, every Task mapped to its
 * function's handler, task tokens issued and answered as AWS does. Executions live in memory; the twin restarts
 * the open claims' executions after a restart (the claim in DynamoDB is the source of truth).
 */
/** The execution statuses ListExecutions filters by (AWS refuses any other with a ValidationException). */
const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export class LocalStepFunctions {
  readonly stateMachineArn: string;
  private readonly executions = new Map<string, Execution>();
  private readonly waiters = new Map<string, Waiter>();
  /** The token each execution currently waits on; an older token of the same execution has timed out. */
  private readonly current = new Map<string, string>();
  private machine?: Promise<import('aws-local-stepfunctions').StateMachine>;
  /** Task states whose timeout comes from TimeoutSecondsPath, which this twin enforces itself (see below). */
  private readonly timeoutPaths = new Map<string, string>();
  private readonly definition: WorkflowDefinition['definition'];

  constructor(
    private readonly workflow: WorkflowDefinition,
    private readonly invoke: Invoke,
    private readonly options: { retryIntervalMs?: number; runExecutions?: boolean } = {},
  ) {
    this.stateMachineArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${workflow.stateMachineName}`;
    // aws-local-stepfunctions 3.0 evaluates TimeoutSecondsPath against the task's Parameters output instead of the
    // state input (AWS uses the state input). The one adaptation the twin makes to the synthesized ASL: such a state
    // also receives its state input in an extra parameter, and the twin applies the timeout itself.
    this.definition = JSON.parse(JSON.stringify(workflow.definition)) as WorkflowDefinition['definition'];
    // The executor has no child executions: a Distributed Map runs as an inline Map, its items `MaxConcurrency` at a
    // time in this process (the second adaptation; docs/architecture.md "National scale").
    for (const [, state] of allStates(this.definition.States)) {
      const processor = state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
      if (state.Type !== 'Map' || processor?.ProcessorConfig?.Mode !== 'DISTRIBUTED') continue;
      if (state.ItemReader) throw new Error('The twin runs a Distributed Map over ItemsPath only, not an ItemReader');
      processor.ProcessorConfig = { Mode: 'INLINE' };
      for (const field of DISTRIBUTED_ONLY) delete state[field];
    }
    for (const [name, state] of allStates(this.definition.States)) {
      if (state.Type !== 'Task' || typeof state.TimeoutSecondsPath !== 'string') continue;
      this.timeoutPaths.set(name, state.TimeoutSecondsPath);
      delete state.TimeoutSecondsPath;
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
      state.Parameters = { ...(state.Parameters as Record<string, unknown>), [`${STATE_INPUT_PARAMETER}.$`]: '$' };
    }
  }

  /**
   * Built once: the promise is kept, not its result, so that the first burst of executions (50 claims at once) does
   * not build (and validate, which is costly) one state machine each while the first is still being imported.
   */
  private stateMachine() {
    this.machine ??= import('aws-local-stepfunctions').then(
      ({ StateMachine }) => new StateMachine(this.definition as never, { validationOptions: { checkArn: false } }),
    );
    return this.machine;
  }

  /** One handler per Task state: invoke the mapped function as the Lambda integration would. */
  private taskHandlers(executionArn: string): Record<string, (input: unknown) => Promise<unknown>> {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [stateName, state] of allStates(this.definition.States)) {
      if (state.Type !== 'Task') continue;
      const resource = String(state.Resource);
      handlers[stateName] = async (rawInput: unknown) => {
        const input = JSON.parse(JSON.stringify(rawInput ?? null)) as Record<string, unknown>;
        const timeoutPath = this.timeoutPaths.get(stateName);
        if (timeoutPath) {
          const stateInput = input[STATE_INPUT_PARAMETER];
          delete input[STATE_INPUT_PARAMETER];
          const seconds = readPath(stateInput, timeoutPath);
          if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1)
            throw named('States.Runtime', `${stateName}: TimeoutSecondsPath ${timeoutPath} is not a positive integer`);
          return this.withTimeout(executionArn, Math.min(seconds, MAX_TIMER_SECONDS) * 1000, () =>
            this.runTask(resource, input, stateName, executionArn),
          );
        }
        return this.runTask(resource, input, stateName, executionArn);
      };
    }
    return handlers;
  }

  private async withTimeout<T>(executionArn: string, ms: number, run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.current.delete(executionArn); // the waiting token is stale from now on: answering it is TaskTimedOut
        reject(named('States.Timeout', 'State timed out'));
      }, ms);
    });
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Invokes the task's function as the Lambda integration would: plain, `lambda:invoke`, or `.waitForTaskToken`. */
  private async runTask(resource: string, input: Record<string, unknown>, stateName: string, executionArn: string): Promise<unknown> {
    if (!resource.startsWith('arn:aws:states:::lambda:invoke')) return this.call(this.functionOf(resource, stateName), input);
    const fn = this.functionOf(String(input.FunctionName), stateName);
    if (!resource.endsWith('.waitForTaskToken')) {
      const payload = await this.call(fn, input.Payload);
      return { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST' };
    }
    const token = (input.Payload as Record<string, unknown> | undefined)?.taskToken;
    if (typeof token !== 'string') throw named('States.Runtime', `${stateName}: the payload carries no taskToken`);
    // Registered before the invocation: a function may answer its own token right away.
    const answered = new Promise((resolve, reject) => this.waiters.set(token, { execution: executionArn, resolve, reject }));
    this.current.set(executionArn, token);
    try {
      await this.call(fn, input.Payload);
    } catch (error) {
      this.waiters.delete(token);
      throw error;
    }
    return answered;
  }

  private functionOf(arn: string, stateName: string): FunctionName {
    const fn = this.workflow.functions.get(arn);
    if (!fn) throw named('States.Runtime', `${stateName}: no local function for ${arn}`);
    return fn;
  }

  /** A function error reaches Retry/Catch by its name, as Lambda reports errorType. */
  private async call(fn: FunctionName, payload: unknown): Promise<unknown> {
    try {
      return JSON.parse(JSON.stringify((await this.invoke(fn, JSON.parse(JSON.stringify(payload ?? null)))) ?? null));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      throw named(e.name || 'Error', e.message);
    }
  }

  async startExecution(name: string, input: string): Promise<{ executionArn: string; startDate: number }> {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnApiError('InvalidName', `Invalid execution name ${name}`);
    const arn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${this.workflow.stateMachineName}:${name}`;
    const existing = this.executions.get(arn);
    if (existing) {
      // AWS: the same name and input while running is idempotent; anything else is ExecutionAlreadyExists.
      if (existing.status === 'RUNNING' && existing.input === input)
        return { executionArn: arn, startDate: existing.startDate.getTime() / 1000 };
      throw new SfnApiError('ExecutionAlreadyExists', `Execution already exists: '${arn}'`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'The input is not valid JSON');
    }
    const execution: Execution = { arn, name, input, status: 'RUNNING', startDate: new Date(), events: [] };
    this.executions.set(arn, execution);
    // Benchmarks of intake alone accept executions without running them (in AWS they run on other machines).
    if (this.options.runExecutions === false) return { executionArn: arn, startDate: execution.startDate.getTime() / 1000 };
    const machine = await this.stateMachine();
    const run = machine.run(parsed as never, {
      overrides: {
        taskResourceLocalHandlers: this.taskHandlers(arn) as never,
        ...(this.options.retryIntervalMs !== undefined
          ? {
              retryIntervalOverrides: Object.fromEntries(
                allStates(this.definition.States).map(([s]) => [s, this.options.retryIntervalMs!]),
              ),
            }
          : {}),
      },
      noThrowOnAbort: true,
      context: {
        Execution: { Id: arn, Name: name, Input: parsed, StartTime: execution.startDate.toISOString() },
        StateMachine: { Id: this.stateMachineArn, Name: this.workflow.stateMachineName },
        // AWS fills $$.Task.Token for each waitForTaskToken task; the local executor does not, so every read of it
        // issues a fresh token.
        Task: {
          get Token() {
            return randomBytes(24).toString('base64url');
          },
        },
      } as never,
    });
    execution.abort = run.abort;
    void (async () => {
      for await (const event of run.eventLogs)
        execution.events.push({
          type: event.type,
          timestamp: event.timestamp,
          stateName: (event as { state?: { name?: string } }).state?.name,
        });
    })().catch(() => undefined);
    run.result.then(
      (output) => {
        if (execution.status !== 'RUNNING') return;
        execution.status = 'SUCCEEDED';
        execution.output = JSON.stringify(output ?? null);
        this.finish(execution);
      },
      (error: Error & { cause?: unknown }) => {
        if (execution.status !== 'RUNNING') return;
        execution.status = 'FAILED';
        // The executor wraps what failed the execution (ExecutionError); AWS reports the error itself, e.g. a Fail
        // state's Error and Cause.
        const failure = error.name === 'ExecutionError' && error.cause instanceof Error ? error.cause : error;
        execution.error = failure.name;
        execution.cause = failure.message;
        this.finish(execution);
      },
    );
    return { executionArn: arn, startDate: execution.startDate.getTime() / 1000 };
  }

  private finish(execution: Execution) {
    execution.stopDate = new Date();
    this.current.delete(execution.arn);
    for (const [token, w] of this.waiters) if (w.execution === execution.arn) this.waiters.delete(token);
  }

  private waiter(token: string): Waiter {
    const w = this.waiters.get(token);
    if (!w) throw new SfnApiError('TaskDoesNotExist', 'Task does not exist anymore');
    if (this.current.get(w.execution) !== token) {
      this.waiters.delete(token);
      throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    }
    this.waiters.delete(token);
    return w;
  }

  /** Whether a waiting task of this state machine holds the token. */
  holds(token: string): boolean {
    return this.waiters.has(token);
  }

  /** Whether the execution ARN is one of this state machine's. */
  owns(executionArn: string): boolean {
    return executionArn.startsWith(`arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${this.workflow.stateMachineName}:`);
  }

  sendTaskSuccess(token: string, output: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new SfnApiError('InvalidOutput', 'The output is not valid JSON');
    }
    this.waiter(token).resolve(parsed);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.waiter(token).reject(named(error ?? 'States.TaskFailed', cause ?? ''));
  }

  describeExecution(arn: string) {
    const e = this.executions.get(arn);
    if (!e) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return {
      executionArn: e.arn,
      stateMachineArn: this.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate.getTime() / 1000,
      ...(e.stopDate ? { stopDate: e.stopDate.getTime() / 1000 } : {}),
      input: e.input,
      ...(e.output !== undefined ? { output: e.output } : {}),
      ...(e.error ? { error: e.error, cause: e.cause } : {}),
    };
  }

  /** A reduced GetExecutionHistory: the executor's events, enough to count state transitions. */
  executionHistory(arn: string) {
    const e = this.executions.get(arn);
    if (!e) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return {
      events: e.events.map((ev, i) => ({
        id: i + 1,
        timestamp: ev.timestamp / 1000,
        type: ev.type,
        ...(ev.stateName ? { stateEnteredEventDetails: { name: ev.stateName } } : {}),
      })),
    };
  }

  /** When this executor was made: the state machine's creation date, as an operator reads it. */
  private readonly createdAt = new Date();

  /** What ListStateMachines says of this state machine. */
  listItem() {
    return {
      stateMachineArn: this.stateMachineArn,
      name: this.workflow.stateMachineName,
      type: 'STANDARD',
      creationDate: this.createdAt.getTime() / 1000,
    };
  }

  /** DescribeStateMachine: the definition as the stack synthesized it (before the twin's two adaptations). */
  describeStateMachine() {
    return {
      ...this.listItem(),
      status: 'ACTIVE',
      definition: JSON.stringify(this.workflow.definition),
      roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/santunan-local-twin`,
    };
  }

  /**
   * ListExecutions as AWS pages it (at most 1,000 a page, `nextToken` to go on; newest first), optionally of one
   * status. The proof suite counts the executions of thousands of claims with it.
   */
  listExecutions(statusFilter?: string, maxResults = 100, nextToken?: string) {
    if (statusFilter !== undefined && !EXECUTION_STATUSES.includes(statusFilter))
      throw new SfnApiError('ValidationException', `statusFilter must be one of ${EXECUTION_STATUSES.join(', ')}`);
    const all = [...this.executions.values()].filter((e) => !statusFilter || e.status === statusFilter).reverse();
    const start = nextToken ? Number(nextToken) : 0;
    if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken');
    const size = Math.max(1, Math.min(1000, maxResults || 100));
    return {
      executions: all.slice(start, start + size).map((e) => ({
        executionArn: e.arn,
        stateMachineArn: this.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: e.startDate.getTime() / 1000,
        ...(e.stopDate ? { stopDate: e.stopDate.getTime() / 1000 } : {}),
      })),
      ...(start + size < all.length ? { nextToken: String(start + size) } : {}),
    };
  }

  running(): number {
    return [...this.executions.values()].filter((e) => e.status === 'RUNNING').length;
  }

  stop(): void {
    for (const e of this.executions.values())
      if (e.status === 'RUNNING') {
        e.status = 'ABORTED';
        e.abort?.();
      }
    // The aborted executions no longer wait on their tokens: drop them (rejecting them would be unhandled).
    this.waiters.clear();
  }
}

/**
 * The Step Functions endpoint, speaking the AWS JSON 1.0 protocol (`X-Amz-Target: AWSStepFunctions.<Action>`), so
 * the handlers' unchanged @aws-sdk/client-sfn calls reach the local executors through AWS_ENDPOINT_URL_SFN: one
 * executor per state machine of the stack (the claim workflow first), chosen by the ARN in the request.
 */
export const startStepFunctionsEndpoint = async (
  engines: LocalStepFunctions | readonly LocalStepFunctions[],
  port: number,
): Promise<{ server: Server; url: string; stop: () => Promise<void> }> => {
  const all = Array.isArray(engines) ? engines : [engines as LocalStepFunctions];
  const byMachine = (arn: string | undefined) => {
    const engine = all.find((e) => e.stateMachineArn === arn);
    if (!engine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return engine;
  };
  const byExecution = (arn: string) => {
    const engine = all.find((e) => e.owns(arn));
    if (!engine) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return engine;
  };
  // A token no executor holds is answered by the first, which says TaskDoesNotExist as AWS does.
  const byToken = (token: string) => all.find((e) => e.holds(token)) ?? all[0]!;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
      const action = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
        switch (action) {
          case 'StartExecution':
            return reply(
              200,
              await byMachine(body.stateMachineArn).startExecution(body.name ?? randomBytes(8).toString('hex'), body.input ?? '{}'),
            );
          case 'SendTaskSuccess':
            byToken(body.taskToken ?? '').sendTaskSuccess(body.taskToken ?? '', body.output ?? '{}');
            return reply(200, {});
          case 'SendTaskFailure':
            byToken(body.taskToken ?? '').sendTaskFailure(body.taskToken ?? '', body.error, body.cause);
            return reply(200, {});
          case 'SendTaskHeartbeat':
            return reply(200, {});
          case 'DescribeExecution':
            return reply(200, byExecution(body.executionArn ?? '').describeExecution(body.executionArn ?? ''));
          case 'ListExecutions': {
            // AWS requires the state machine; calls without one (older tests and tools) get the claim workflow's.
            const engine = body.stateMachineArn ? byMachine(body.stateMachineArn) : all[0]!;
            return reply(200, engine.listExecutions(body.statusFilter, Number(body.maxResults ?? 100), body.nextToken));
          }
          case 'GetExecutionHistory':
            return reply(200, byExecution(body.executionArn ?? '').executionHistory(body.executionArn ?? ''));
          // The operator's calls (aws stepfunctions … --endpoint-url): one page holds every machine of the stack.
          case 'ListStateMachines':
            return reply(200, { stateMachines: all.map((e) => e.listItem()) });
          case 'DescribeStateMachine':
            return reply(200, byMachine(body.stateMachineArn).describeStateMachine());
          default:
            throw new SfnApiError('UnknownOperationException', `The twin does not implement ${action}`);
        }
      } catch (error) {
        if (error instanceof SfnApiError) return reply(error.status, { __type: error.type, message: error.message });
        return reply(500, { __type: 'InternalFailure', message: (error as Error).message });
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actual}`,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
