import { ValidationError } from '../../../shared/kernel/errors';
import {
  type ImportJob,
  type ImportJobRequest,
  type ImportJobStore,
  performImport,
  requestImport,
} from '../../../shared/premiums/application/import-jobs';
import { importRoster } from '../../../shared/premiums/application/import-roster';
import { ROSTER_HEADER } from '../../../shared/premiums/domain/roster-row';
import { InMemoryRoster } from '../../support/fakes/premiums';

/**
 * Imports from storage are jobs (issue "proof", national scale): a 50 MB roster takes minutes, beyond the API's
 * 29 s. The request answers the result when the job is done within its wait, else 202 and the job to poll.
 */
class InMemoryJobs implements ImportJobStore {
  readonly jobs = new Map<string, ImportJob>();
  async create(job: ImportJob) {
    this.jobs.set(job.jobId, structuredClone(job));
  }
  async get(jobId: string) {
    const job = this.jobs.get(jobId);
    return job && structuredClone(job);
  }
  async finish(jobId: string, outcome: Pick<ImportJob, 'status' | 'finishedAt' | 'result' | 'error'>) {
    const job = this.jobs.get(jobId);
    if (job && job.status !== 'SUCCEEDED') this.jobs.set(jobId, { ...job, ...outcome });
  }
}

const member = (nik: string) => [nik, 'Siti Aminah', 'TKSK', '', '31', '3173', '317301', '2019-01-01', 1_000_000, '', 'active'].join(',');
const files: Record<string, string> = {
  good: [ROSTER_HEADER.join(','), member('3173014107850003'), ''].join('\n'),
  wrongHeader: 'nik;name\n1;2\n',
};

const setup = () => {
  const jobs = new InMemoryJobs();
  const members = new InMemoryRoster();
  const run = async (_kind: string, uploadId: string) => importRoster({ members }, files[uploadId]!);
  const started: ImportJobRequest[] = [];
  return { jobs, members, run, started };
};

describe('import jobs', () => {
  it('answers the import result when the job finishes within the wait', async () => {
    const t = setup();
    const starter = { start: async (r: ImportJobRequest) => void (await performImport({ jobs: t.jobs, run: t.run }, r)) };
    const answer = await requestImport({ jobs: t.jobs, starter }, 'roster', 'good', 'admin', 5_000);
    expect(answer).toEqual({ kind: 'done', result: expect.objectContaining({ lines: 1, imported: 1 }) });
    expect(t.members.members.size).toBe(1);
  });

  it('answers 202 material (the job) when it is still running, and the poll shows the outcome later', async () => {
    const t = setup();
    const starter = { start: async (r: ImportJobRequest) => void t.started.push(r) };
    const answer = await requestImport({ jobs: t.jobs, starter }, 'roster', 'good', 'admin', 0);
    expect(answer).toMatchObject({ kind: 'accepted', job: { status: 'RUNNING', kind: 'roster', uploadId: 'good', requestedBy: 'admin' } });
    expect(await performImport({ jobs: t.jobs, run: t.run }, t.started[0]!)).toBe('SUCCEEDED');
    expect(await t.jobs.get(t.started[0]!.importJobId)).toMatchObject({ status: 'SUCCEEDED', result: { imported: 1 } });
  });

  it('a file refused as a whole is a 400 naming the line within the wait, and a FAILED job with its fields after it', async () => {
    const t = setup();
    const starter = { start: async (r: ImportJobRequest) => void (await performImport({ jobs: t.jobs, run: t.run }, r)) };
    await expect(requestImport({ jobs: t.jobs, starter }, 'roster', 'wrongHeader', 'admin', 5_000)).rejects.toBeInstanceOf(ValidationError);
    const [job] = [...t.jobs.jobs.values()];
    expect(job).toMatchObject({
      status: 'FAILED',
      error: { code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'line 1' })] },
    });
  });

  it('a fault is recorded and thrown again, so the invocation is retried', async () => {
    const t = setup();
    await t.jobs.create({
      jobId: 'IMP-aaaaaaaaaaaaaaaa',
      kind: 'roster',
      uploadId: 'x',
      status: 'RUNNING',
      requestedBy: 'a',
      requestedAt: 'x',
    });
    const broken = async () => {
      throw Object.assign(new Error('connection reset'), { name: 'TimeoutError' });
    };
    await expect(
      performImport({ jobs: t.jobs, run: broken }, { importJobId: 'IMP-aaaaaaaaaaaaaaaa', kind: 'roster', uploadId: 'x' }),
    ).rejects.toThrow();
    expect(await t.jobs.get('IMP-aaaaaaaaaaaaaaaa')).toMatchObject({ status: 'FAILED', error: { code: 'TimeoutError' } });
  });
});
