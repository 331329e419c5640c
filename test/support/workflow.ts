import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { MembersRepository } from '../../shared/premiums/adapters/members-repository';
import { PremiumsRepository } from '../../shared/premiums/adapters/premiums-repository';
import type { Coverage, Member } from '../../shared/premiums/domain/member';
import type { Api } from './api';
import { type Body, uniqueNik, validClaim } from './fixtures';
import { aMember, paidMonth } from './members';
import { pdf, uploadDocument } from './uploads';

/** Helpers for workflow tests: members and coverage in DynamoDB Local, staff tokens, the twin's inbox and bank. */
export const twinUrl = () => process.env.SANTUNAN_TWIN_URL!;
export const sandboxUrl = () => process.env.SANTUNAN_SANDBOX_URL!;
export const sesUrl = () => process.env.SANTUNAN_SES_URL!;

export const givenMember = async (
  overrides: Partial<Member> = {},
  coverage: Partial<Coverage> | 'none' = {},
  period = '2026-10',
): Promise<Member> => {
  const nik = overrides.nik ?? uniqueNik({ female: true });
  const member = aMember({ ...overrides, nik });
  const repo = new MembersRepository(process.env.MEMBERS_TABLE_NAME!);
  await repo.putMany([member]);
  if (coverage !== 'none') {
    await new PremiumsRepository(process.env.MEMBERS_TABLE_NAME!).putCoverage([paidMonth(nik, period, coverage)]);
  }
  return member;
};

/** A complete claim: every required document uploaded to storage first. */
export const completeClaim = async (api: Api, member: Member, mutate: (b: Body) => void = () => undefined): Promise<Body> => {
  const body = validClaim((b) => {
    b.member = { nik: member.nik, name: member.name };
    mutate(b);
  });
  const types = requiredDocuments({
    benefit: body.benefit,
    incidentType: body.incident.type,
    relationship: body.claimant.relationship,
    cause: body.incident.cause,
  });
  body.documents = [];
  for (const type of types) body.documents.push({ type, uploadId: await uploadDocument(api, type, pdf(1024)) });
  return body;
};

export const status = async (api: Api, reference: string, claimantNik: string) =>
  (await api.call('GET', `/claims/${reference}?nik=${claimantNik}`, { headers: { accept: 'application/json' } })).json;

/** Polls the family's status JSON until `predicate` holds (no fixed sleeps), or fails with the last status seen. */
export const waitForStatus = async (
  api: Api,
  reference: string,
  claimantNik: string,
  wanted: string | ((s: any) => boolean),
  timeoutMs = 15_000,
) => {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = await status(api, reference, claimantNik);
    if (typeof wanted === 'string' ? last?.status === wanted : wanted(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `Claim ${reference} did not reach ${String(wanted)}; last status ${JSON.stringify(last?.status)} timeline ${JSON.stringify(last?.timeline)}\n${await executionReport(reference)}`,
  );
};

const sfnCall = async (action: string, body: unknown) =>
  (
    await fetch(process.env.AWS_ENDPOINT_URL_SFN!, {
      method: 'POST',
      headers: { 'x-amz-target': `AWSStepFunctions.${action}`, 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify(body),
    })
  ).json() as Promise<any>;

export const executionArn = (reference: string) =>
  `${process.env.STATE_MACHINE_ARN!.replace(':stateMachine:', ':execution:')}:${reference}`;
export const describeExecution = (reference: string) => sfnCall('DescribeExecution', { executionArn: executionArn(reference) });
export const executionHistory = async (reference: string) =>
  (
    (await sfnCall('GetExecutionHistory', { executionArn: executionArn(reference) })) as {
      events: { type: string; stateEnteredEventDetails?: { name: string } }[];
    }
  ).events;

/** For failure messages: where the execution is and how it got there. */
const executionReport = async (reference: string) => {
  const d = await describeExecution(reference);
  const h = await executionHistory(reference).catch(() => []);
  return `execution ${d.status ?? d.__type} ${d.error ?? ''} ${d.cause ?? ''}; states: ${h
    .filter((e) => e.type !== 'StateExited')
    .map((e) => `${e.type}${e.stateEnteredEventDetails ? `:${e.stateEnteredEventDetails.name}` : ''}`)
    .join(' > ')}`;
};

const tokens = new Map<string, string>();
export const tokenFor = async (username: string): Promise<string> => {
  const cached = tokens.get(username);
  if (cached) return cached;
  const res = await fetch(`${twinUrl()}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'santunan-local' }),
  });
  if (res.status !== 200) throw new Error(`token for ${username}: ${res.status}`);
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  tokens.set(username, token);
  return token;
};

export const staff = async (api: Api, username: string, method: string, path: string, body?: unknown) =>
  api.call(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      authorization: `Bearer ${await tokenFor(username)}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });

/** Waits until the workflow holds a decision token (the claim can be decided). */
export const waitForDecisionTask = async (api: Api, reference: string, escalated = false, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = (await staff(api, 'supervisor', 'GET', `/staff/claims/${reference}`)).json;
    if (last?.pendingTask?.kind === 'decision' && !!last.pendingTask.escalated === escalated) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No decision task for ${reference}: ${JSON.stringify({ status: last?.status, pendingTask: last?.pendingTask })}`);
};

/** Files a claim, waits until its decision task is stored, and returns its reference and the staff view of it. */
export const fileAndAwaitDecision = async (api: Api, body: Record<string, any>) => {
  const created = await api.postJson('/claims', body);
  if (created.status !== 201) throw new Error(`POST /claims answered ${created.status}: ${created.text.slice(0, 300)}`);
  const ref = created.json.reference as string;
  await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
  const claim = await waitForDecisionTask(api, ref);
  return { ref, claim };
};

export const transfersFor = async (reference: string) =>
  (
    (await (await fetch(`${sandboxUrl()}/bank/transfers`)).json()) as { transfers: { reference: string; amount: number }[] }
  ).transfers.filter((t) => t.reference === reference);

export const failBank = async (mode: 'timeout' | '5xx' | 'reject', count: number) => {
  await fetch(`${sandboxUrl()}/_sandbox/failures`, { method: 'POST', body: JSON.stringify({ mode, count }) });
};

export const emailsTo = async (address: string) =>
  (
    (await (await fetch(`${sesUrl()}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    }
  ).emails.filter((e) => e.destination.to.includes(address));

type Email = Awaited<ReturnType<typeof emailsTo>>[number];
/**
 * Emails go out after the state change they report: poll the inbox (bounded, no fixed sleep) until the emails to
 * `address` satisfy `wanted`, and return them; fails with what arrived.
 */
export const waitForEmails = async (address: string, wanted: (emails: Email[]) => boolean, timeoutMs = 10_000): Promise<Email[]> => {
  const deadline = Date.now() + timeoutMs;
  let emails: Email[] = [];
  while (Date.now() < deadline) {
    emails = await emailsTo(address);
    if (wanted(emails)) return emails;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Emails to ${address} never matched; got: ${JSON.stringify(emails.map((e) => e.subject))}`);
};

/** Waits until the execution of a further payment (tranche) holds its decision token. */
export const waitForTrancheDecisionTask = async (api: Api, reference: string, tranche: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = (await staff(api, 'supervisor', 'GET', `/staff/claims/${reference}`)).json;
    const t = last?.tranches?.find((x: { id: string }) => x.id === tranche);
    if (t?.pendingTask?.kind === 'decision' && !t.pendingTask.escalated) return t;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `No decision task for ${reference} ${tranche}: ${JSON.stringify(last?.tranches)}\n${await executionReport(`${reference}-${tranche}`)}`,
  );
};
