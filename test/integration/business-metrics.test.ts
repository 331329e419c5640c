import { lambdaContext } from '../../infra/local/gateway';
import { metrics } from '../../shared/platform/observability';
import { type Api, startApi } from '../support/api';
import { uniqueNik, validClaim } from '../support/fixtures';
import { completeClaim, givenMember, staff, waitForDecisionTask, waitForStatus } from '../support/workflow';

/**
 * The business metrics that intake and the staff API record (both run in this process behind the twin's gateway;
 * the workflow tasks run in the twin's own process). Metrics are not printed here (POWERTOOLS_METRICS_DISABLED), so
 * the test watches what the function entry files record.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

type Recorded = { name: string; value: number; dimensions?: Record<string, string> };
const recording = () => {
  const recorded: Recorded[] = [];
  let dimensions: Record<string, string> | undefined;
  const addDimensions = jest.spyOn(metrics, 'addDimensions').mockImplementation(function (this: typeof metrics, d) {
    dimensions = d;
    return this;
  });
  const addMetric = jest.spyOn(metrics, 'addMetric').mockImplementation(function (this: typeof metrics, name, _unit, value) {
    recorded.push({ name, value, ...(dimensions ? { dimensions } : {}) });
    dimensions = undefined;
    return this;
  });
  const stop = () => {
    addDimensions.mockRestore();
    addMetric.mockRestore();
  };
  return { recorded, stop };
};

describe('business metrics', () => {
  it('ClaimsSubmitted counts a stored claim once: not its idempotent replay, not a refused body', async () => {
    // Arrange
    const body = validClaim();
    const key = `metrics-${uniqueNik()}`;
    const watch = recording();

    // Act
    try {
      const first = await api.postJson('/claims', body, { 'idempotency-key': key });
      const replay = await api.postJson('/claims', body, { 'idempotency-key': key });
      const refused = await api.postJson(
        '/claims',
        validClaim((b) => (b.claimant.nik = '123')),
      );
      expect([first.status, replay.status, refused.status]).toEqual([201, 201, 400]);
      expect(replay.json.reference).toBe(first.json.reference);
    } finally {
      watch.stop();
    }

    // Assert
    expect(watch.recorded).toEqual([{ name: 'ClaimsSubmitted', value: 1 }]);
  });

  it('ClaimDecisions counts a staff decision by outcome; a refused decision is not counted', async () => {
    // Arrange
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const filed = await api.postJson('/claims', body);
    const reference = filed.json.reference as string;
    await waitForStatus(api, reference, body.claimant.nik, 'AWAITING_APPROVAL');
    await waitForDecisionTask(api, reference);
    const watch = recording();

    // Act
    try {
      const noReason = await staff(api, 'approver', 'POST', `/staff/claims/${reference}/decision`, { decision: 'reject' });
      const rejected = await staff(api, 'approver', 'POST', `/staff/claims/${reference}/decision`, {
        decision: 'reject',
        reasonCode: 'DOCUMENTS_INVALID',
      });
      expect([noReason.status, rejected.json.status]).toEqual([400, 'REJECTED']);
    } finally {
      watch.stop();
    }

    // Assert
    expect(watch.recorded).toEqual([{ name: 'ClaimDecisions', value: 1, dimensions: { outcome: 'reject', decidedBy: 'staff' } }]);
  });
  it('ApprovalsEscalated counts each time a decision waits past its escalation point (the alarm for approvals near their deadline)', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const reference = (await api.postJson('/claims', body)).json.reference as string;
    await waitForStatus(api, reference, body.claimant.nik, 'AWAITING_APPROVAL');
    await waitForDecisionTask(api, reference);
    // The workflow's task, run in this process: once as the first request (no count), once as the escalation.
    const { handler } = await import('../../functions/approval/await-decision');
    const watch = recording();
    try {
      await handler({ reference, baseUrl: api.url, taskToken: 'first-ask' }, lambdaContext('awaitDecision'));
      expect(watch.recorded.filter((r) => r.name === 'ApprovalsEscalated')).toEqual([]);
      await handler({ reference, baseUrl: api.url, taskToken: 'escalated-ask', escalated: true }, lambdaContext('awaitDecision'));
    } finally {
      watch.stop();
    }
    expect(watch.recorded.filter((r) => r.name === 'ApprovalsEscalated')).toEqual([
      { name: 'ApprovalsEscalated', value: 1, dimensions: { kind: 'claim' } },
    ]);
  });
});
