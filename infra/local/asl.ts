import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '../definitions/functions';

export interface WorkflowDefinition {
  /** The ASL exactly as the synthesized template has it, with Lambda ARNs resolved to local ones. */
  definition: { StartAt: string; States: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  stateMachineName: string;
  /** Lambda ARN (as resolved in the definition) -> the function that implements it. */
  functions: Map<string, FunctionName>;
}

export const LOCAL_REGION = 'ap-southeast-3';
export const LOCAL_ACCOUNT = '000000000000';

type Cfn = Record<string, unknown>;

interface CachedDefinition {
  definition: WorkflowDefinition['definition'];
  stateMachineName: string;
  functions: [string, FunctionName][];
}

/**
 * Synthesizes the real CDK stack (without bundling: the twin runs the sources) and takes every state machine's
 * DefinitionString from the template, so the twin runs the same ASL that `cdk deploy` ships: the claim workflow and
 * the premium reconciliation, by state machine name. `Fn::GetAtt` of a function becomes a local Lambda ARN, mapped
 * back to the function by its SANTUNAN_FUNCTION variable.
 */
export const loadStateMachines = async (cacheDir?: string): Promise<Map<string, WorkflowDefinition>> => {
  // Synthesis takes seconds; its result depends only on the CDK code, so a restart reuses it while that is unchanged.
  const hash = cacheDir ? infraHash() : '';
  const cacheFile = cacheDir ? join(cacheDir, 'state-machines-asl.json') : '';
  const revive = (list: CachedDefinition[]) =>
    new Map(
      list.map((d) => [
        d.stateMachineName,
        { definition: d.definition, stateMachineName: d.stateMachineName, functions: new Map(d.functions) },
      ]),
    );
  if (cacheFile && existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { hash: string; machines: CachedDefinition[] };
    if (cached.hash === hash) return revive(cached.machines);
  }
  const { App } = await import('aws-cdk-lib');
  const { SantunanStack } = await import('../santunan-stack');
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SantunanStack(app, 'SantunanStack', { env: { region: LOCAL_REGION, account: LOCAL_ACCOUNT } });
  const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: Cfn }> };
  const resources = template.Resources;
  const arnOf = (logicalId: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
  const functions = new Map<string, FunctionName>();
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const name = ((r.Properties.Environment as Cfn | undefined)?.Variables as Cfn | undefined)?.SANTUNAN_FUNCTION;
    if (typeof name === 'string') functions.set(arnOf(id), name as FunctionName);
  }
  const machines = Object.values(resources).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length === 0) throw new Error('No state machine in the template');
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const v = value as Cfn;
    if (v['Fn::Join']) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    if (v['Fn::GetAtt']) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      if (attr !== 'Arn' || resources[id]?.Type !== 'AWS::Lambda::Function')
        throw new Error(`Unsupported Fn::GetAtt ${id}.${attr} in the state machine`);
      return arnOf(id);
    }
    if (v.Ref === 'AWS::Partition') return 'aws';
    if (v.Ref === 'AWS::Region') return LOCAL_REGION;
    if (v.Ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
    throw new Error(`Unsupported value in DefinitionString: ${JSON.stringify(value)}`);
  };
  const list: CachedDefinition[] = machines.map(({ Properties: props }) => {
    const definition = JSON.parse(resolve(props.DefinitionString)) as WorkflowDefinition['definition'];
    if (definition.QueryLanguage === 'JSONata') throw new Error('The twin runs JSONPath state machines only');
    return { definition, stateMachineName: String(props.StateMachineName), functions: [...functions] };
  });
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify({ hash, machines: list }));
  return revive(list);
};

/** A digest of the CDK app's sources (infra/, without the twin) and the lockfile: what the synthesized ASL depends on. */
const infraHash = (): string => {
  const digest = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (path === join('infra', 'local')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) digest.update(path).update(readFileSync(path));
    }
  };
  walk('infra');
  for (const file of ['package-lock.json', 'shared/staff/domain/roles.ts']) if (existsSync(file)) digest.update(readFileSync(file));
  return digest.digest('hex');
};
