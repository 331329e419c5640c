import { App } from 'aws-cdk-lib';
import type { FunctionName } from '../definitions/functions';
import { SantunanStack } from '../santunan-stack';

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

/**
 * Synthesizes the real CDK stack (without bundling: the twin runs the sources) and takes the state machine's
 * DefinitionString from the template, so the twin runs the same ASL that `cdk deploy` ships. `Fn::GetAtt` of a
 * function becomes a local Lambda ARN, mapped back to the function by its SANTUNAN_FUNCTION variable.
 */
export const loadWorkflowDefinition = (): WorkflowDefinition => {
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
  if (machines.length !== 1) throw new Error(`Expected one state machine in the template, found ${machines.length}`);
  const props = machines[0]!.Properties;
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const v = value as Cfn;
    if (v['Fn::Join']) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    if (v['Fn::GetAtt']) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      if (attr !== 'Arn' || resources[id]?.Type !== 'AWS::Lambda::Function') throw new Error(`Unsupported Fn::GetAtt ${id}.${attr} in the state machine`);
      return arnOf(id);
    }
    if (v.Ref === 'AWS::Partition') return 'aws';
    if (v.Ref === 'AWS::Region') return LOCAL_REGION;
    if (v.Ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
    throw new Error(`Unsupported value in DefinitionString: ${JSON.stringify(value)}`);
  };
  const definition = JSON.parse(resolve(props.DefinitionString)) as WorkflowDefinition['definition'];
  if (definition.QueryLanguage === 'JSONata') throw new Error('The twin runs JSONPath state machines only');
  return { definition, stateMachineName: String(props.StateMachineName), functions };
};
