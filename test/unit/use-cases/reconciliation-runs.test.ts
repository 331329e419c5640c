import {
  type ReconciliationRun,
  type RunRequest,
  type RunStore,
  requestReconciliation,
} from '../../../shared/premiums/application/reconciliation-runs';
import { runPlanInProcess } from '../../../shared/premiums/application/reconciliation-steps';
import { InMemoryLedger, InMemoryRoster } from '../../support/fakes/premiums';
import { aMember } from '../../support/members';

/**
 * On-demand reconciliation answers within the API's limit: a run record, an asynchronous start, a short wait; the
 * report when the run is done by then, else 202 and the run to poll (issue "proof": a run over 10,000 members
 * outlived the 29 s limit and answered 500 while it went on in the background).
 */
class InMemoryRuns implements RunStore {
  readonly runs = new Map<string, ReconciliationRun>();
  async create(run: ReconciliationRun) {
    if (this.runs.has(run.runId)) throw new Error('exists');
    this.runs.set(run.runId, { ...run });
  }
  async get(runId: string) {
    const run = this.runs.get(runId);
    return run && { ...run };
  }
  async finish(runId: string, result: Pick<ReconciliationRun, 'status' | 'finishedAt' | 'counts' | 'error'>) {
    const run = this.runs.get(runId);
    if (run && run.status !== 'SUCCEEDED') this.runs.set(runId, { ...run, ...result });
  }
}

const setup = async () => {
  const members = new InMemoryRoster();
  const member = aMember({ nik: '3173014107850003' });
  members.members.set(member.nik, member);
  const premiums = new InMemoryLedger();
  const runs = new InMemoryRuns();
  const started: RunRequest[] = [];
  const deps = { members, premiums, runs };
  return { ...deps, started, deps };
};

describe('requestReconciliation', () => {
  it('answers the report when the run finishes within the wait', async () => {
    const t = await setup();
    const starter = { start: async (r: RunRequest) => void (await runPlanInProcess(t.deps, r, 4, 'https://x.test')) };
    const answer = await requestReconciliation({ runs: t.runs, starter, premiums: t.premiums }, '2026-10', 'fina', 5_000);
    expect(answer.kind).toBe('report');
    expect(answer.kind === 'report' && answer.report.period).toBe('2026-10');
    const [run] = [...t.runs.runs.values()];
    expect(run).toMatchObject({ period: '2026-10', status: 'SUCCEEDED', requestedBy: 'fina', counts: expect.any(Object) });
  });

  it('answers the run to poll when it is still running at the end of the wait, and has started it once', async () => {
    const t = await setup();
    const starter = { start: async (r: RunRequest) => void t.started.push(r) };
    const answer = await requestReconciliation({ runs: t.runs, starter, premiums: t.premiums }, '2026-10', 'fina', 300);
    expect(answer).toMatchObject({ kind: 'accepted', run: { status: 'RUNNING', period: '2026-10' } });
    expect(t.started).toEqual([{ runId: expect.stringMatching(/^REC-2026-10-/), periods: ['2026-10'], trigger: 'on demand by fina' }]);
    // The poll shows the outcome once the asynchronous side ran it.
    await runPlanInProcess(t.deps, t.started[0]!, 4, 'https://x.test');
    expect((await t.runs.get(t.started[0]!.runId))?.status).toBe('SUCCEEDED');
  });

  it('with no wait (Prefer: respond-async) answers at once', async () => {
    const t = await setup();
    const starter = { start: async (r: RunRequest) => void t.started.push(r) };
    const answer = await requestReconciliation({ runs: t.runs, starter, premiums: t.premiums }, '2026-10', 'fina', 0);
    expect(answer.kind).toBe('accepted');
  });
});

describe('the run through the reconciliation steps', () => {
  it("records a failure on the run (the state machine's RecordFailure) and throws again", async () => {
    const t = await setup();
    const broken = {
      ...t.deps,
      premiums: Object.assign(Object.create(t.premiums), {
        paymentsInBucket: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      }),
    };
    await t.runs.create({ runId: 'REC-2026-10-abcdefghij', period: '2026-10', status: 'RUNNING', requestedBy: 'f', requestedAt: 'x' });
    await expect(
      runPlanInProcess(broken, { runId: 'REC-2026-10-abcdefghij', periods: ['2026-10'], trigger: 't' }, 4, ''),
    ).rejects.toThrow();
    expect(await t.runs.get('REC-2026-10-abcdefghij')).toMatchObject({ status: 'FAILED', error: expect.stringContaining('Provisioned') });
  });
});
