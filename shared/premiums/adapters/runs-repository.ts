import { memberKeys } from '../../platform/dynamodb/keys';
import type { ImportJob, ImportJobStore } from '../application/import-jobs';
import type { ReconciliationRun, RunStore } from '../application/reconciliation-runs';
import { JobRecords } from './job-records';

/** Reconciliation runs (`RECONCILIATION_RUN#<runId>` / `RUN`), kept. */
export class RunsRepository implements RunStore {
  private readonly records: JobRecords<ReconciliationRun>;
  constructor(tableName: string) {
    this.records = new JobRecords(tableName, memberKeys.run, 'RECONCILIATION_RUN');
  }
  create = (run: ReconciliationRun) => this.records.create(run.runId, run);
  get = (runId: string) => this.records.get(runId);
  finish = (runId: string, result: Pick<ReconciliationRun, 'status' | 'finishedAt' | 'counts' | 'error'>) =>
    this.records.finish(runId, result);
}

/** Imports from storage (`IMPORT_JOB#<jobId>` / `JOB`), kept. */
export class ImportJobsRepository implements ImportJobStore {
  private readonly records: JobRecords<ImportJob>;
  constructor(tableName: string) {
    this.records = new JobRecords(tableName, memberKeys.importJob, 'IMPORT_JOB');
  }
  create = (job: ImportJob) => this.records.create(job.jobId, job);
  get = (jobId: string) => this.records.get(jobId);
  finish = (jobId: string, outcome: Pick<ImportJob, 'status' | 'finishedAt' | 'result' | 'error'>) => this.records.finish(jobId, outcome);
}
