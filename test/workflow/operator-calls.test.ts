import {
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  SFNServiceException,
} from '@aws-sdk/client-sfn';
import { type Api, startApi } from '../support/api';
import { completeClaim, givenMember, waitForStatus } from '../support/workflow';

/**
 * The operator's calls against the twin's Step Functions endpoint, with the same SDK (and so the same `aws stepfunctions
 * … --endpoint-url`) as against AWS: list the state machines, describe one (its definition is the synthesized ASL),
 * list executions by status.
 */
let api: Api;
const sfn = () => new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN, region: 'ap-southeast-3' });
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

test('ListStateMachines names both state machines; DescribeStateMachine gives the definition the stack synthesized', async () => {
  const { stateMachines } = await sfn().send(new ListStateMachinesCommand({}));
  expect(stateMachines?.map((m) => m.name).sort()).toEqual(['santunan-claims', 'santunan-reconciliation']);
  const claims = stateMachines!.find((m) => m.name === 'santunan-claims')!;
  expect(claims).toMatchObject({ type: 'STANDARD', stateMachineArn: process.env.STATE_MACHINE_ARN });
  const described = await sfn().send(new DescribeStateMachineCommand({ stateMachineArn: claims.stateMachineArn }));
  expect(described).toMatchObject({ name: 'santunan-claims', status: 'ACTIVE', type: 'STANDARD' });
  expect(Object.keys(JSON.parse(described.definition!).States)).toContain('Verify');
  await expect(sfn().send(new DescribeStateMachineCommand({ stateMachineArn: `${claims.stateMachineArn}-nope` }))).rejects.toMatchObject({
    name: 'StateMachineDoesNotExist',
  });
});

test('ListExecutions by status: a claim waiting for a decision is RUNNING, and an unknown status is refused', async () => {
  const member = await givenMember();
  const body = await completeClaim(api, member);
  const created = await api.postJson('/claims', body);
  const reference = created.json.reference as string;
  await waitForStatus(api, reference, body.claimant.nik, 'AWAITING_APPROVAL');
  const { executions } = await sfn().send(
    new ListExecutionsCommand({ stateMachineArn: process.env.STATE_MACHINE_ARN, statusFilter: 'RUNNING', maxResults: 1000 }),
  );
  expect(executions?.find((e) => e.name === reference)).toMatchObject({ status: 'RUNNING' });
  expect(executions?.every((e) => e.status === 'RUNNING')).toBe(true);
  const refused = await sfn()
    .send(new ListExecutionsCommand({ stateMachineArn: process.env.STATE_MACHINE_ARN, statusFilter: 'SLEEPING' as never }))
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(SFNServiceException);
  expect((refused as SFNServiceException).name).toBe('ValidationException');
});
