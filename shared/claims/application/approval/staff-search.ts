import { ValidationError } from '../../../kernel/errors';
import type { Member } from '../../../premiums/domain/member';
import type { StaffUser } from '../../../staff/domain/roles';
import { inScope, placeOfClaim, placeOfMember } from '../../../staff/domain/scope';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../domain/claim';
import { normalizeReference, REFERENCE_PATTERN } from '../../domain/reference';
import type { ClaimQueues } from '../ports';

/**
 * Staff search: one box for a claim reference (exact, as people type it: any case, spaces, a missing dash), a NIK
 * (16 digits, the member's or the claimant's; dots, dashes and spaces are ignored) or a name (the member's or the
 * claimant's, without regard to case or accents, each word typed found in a word of the name: "sri wah" finds
 * "Sri Wahyuni"). Bad input is a 400 on `q`, checked before anything is read.
 */
export const QUERY_MIN = 3;
export const QUERY_MAX = 100;
/** Names are matched against the newest claims only: a bounded read (docs/data-model.md, C14). */
export const NAME_SEARCH_BOUND = 500;
const NAME_PAGE = 100;
export const RESULT_LIMIT = 50;

export type SearchQuery = { kind: 'reference'; reference: string } | { kind: 'nik'; nik: string } | { kind: 'name'; words: string[] };

const invalid = (code: string, message: string) => new ValidationError([{ path: 'q', code }], message);

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Lower case, accents and other marks taken off, anything but letters and digits a space: the words of a name. */
export const nameWords = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** What the box holds, or a 400 on `q` with the reason. */
export const parseSearch = (raw: string | undefined): SearchQuery => {
  if (raw === undefined || raw.trim() === '') throw invalid('required', 'Type a claim reference, a NIK or a name.');
  if (raw.length > QUERY_MAX) throw invalid('tooLong', `At most ${QUERY_MAX} characters.`);
  if (CONTROL.test(raw)) throw invalid('controlCharacters', 'The search may not contain control characters.');
  const text = raw.trim();
  if (text.length < QUERY_MIN) throw invalid('tooShort', `At least ${QUERY_MIN} characters.`);
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 16) throw invalid('nik.length', 'A NIK has 16 digits.');
    return { kind: 'nik', nik: digits };
  }
  const reference = normalizeReference(text);
  if (REFERENCE_PATTERN.test(reference)) return { kind: 'reference', reference };
  if (/^snt[\s-]*\d/i.test(text)) throw invalid('reference.format', 'A claim reference looks like SNT-2026-7KQ4MZ.');
  const words = nameWords(text);
  if (words.length === 0) throw invalid('name.noLetters', 'A name has letters.');
  if (words.join('').length < 2) throw invalid('tooShort', `At least ${QUERY_MIN} characters.`);
  return { kind: 'name', words: words.slice(0, 6) };
};

export interface SearchHit {
  reference: string;
  status: ClaimStatus;
  benefit: Claim['benefit'];
  memberName: string;
  memberNik: string;
  claimantName: string;
  submittedAt: string;
  /** What matched: the reference, the member's NIK or name, the claimant's NIK or name. */
  matched: ('reference' | 'member' | 'claimant')[];
}

export interface SearchResult {
  query: SearchQuery;
  /** For a NIK on the roster: the member, for a link to the member page. */
  member?: Pick<Member, 'nik' | 'name' | 'program'>;
  hits: SearchHit[];
  /** A name search looked at the newest NAME_SEARCH_BOUND claims only, and older ones exist. */
  bounded: boolean;
}

const hit = (claim: Claim, matched: SearchHit['matched']): SearchHit => ({
  reference: claim.reference,
  status: claim.status,
  benefit: claim.benefit,
  memberName: claim.member.name,
  memberNik: claim.member.nik,
  claimantName: claim.claimant.name,
  submittedAt: claim.submittedAt,
  matched,
});

/** Each word typed is found inside a word of the name. */
const nameHas = (name: string, words: readonly string[]): boolean => {
  const own = nameWords(name);
  return words.every((w) => own.some((o) => o.includes(w)));
};

/**
 * `user`: who searches. Staff limited to provinces or districts find only the claims and members of their scope;
 * anything else is left out as if it did not exist (the same rule as every staff route, shared/staff/domain/scope.ts).
 */
export const searchClaims = async (
  deps: { claims: ClaimQueues; members: { get(nik: string): Promise<Member | undefined> } },
  raw: string | undefined,
  user?: StaffUser,
): Promise<SearchResult> => {
  const query = parseSearch(raw);
  const visible = (claim: Claim) => !user || inScope(user, placeOfClaim(claim));
  if (query.kind === 'reference') {
    const claim = await deps.claims.get(query.reference);
    return { query, hits: claim && visible(claim) ? [hit(claim, ['reference'])] : [], bounded: false };
  }
  if (query.kind === 'nik') {
    const [found, foundClaims] = await Promise.all([deps.members.get(query.nik), deps.claims.claimsByNik(query.nik, RESULT_LIMIT)]);
    const member = found && (!user || inScope(user, placeOfMember(found.nik, found))) ? found : undefined;
    return {
      query,
      ...(member ? { member: { nik: member.nik, name: member.name, program: member.program } } : {}),
      hits: foundClaims.filter((f) => visible(f.claim)).map((f) => hit(f.claim, f.as)),
      bounded: false,
    };
  }
  const hits: SearchHit[] = [];
  let before: string | undefined;
  let read = 0;
  let more = false;
  do {
    const page = await deps.claims.listAll(CLAIM_STATUSES, NAME_PAGE, before);
    read += page.items.length;
    for (const claim of page.items.filter(visible)) {
      const matched: SearchHit['matched'] = [];
      if (nameHas(claim.member.name, query.words) || nameHas(claim.verification?.memberName ?? '', query.words)) matched.push('member');
      if (nameHas(claim.claimant.name, query.words)) matched.push('claimant');
      if (matched.length) hits.push(hit(claim, matched));
    }
    before = page.next;
    more = before !== undefined;
  } while (more && read < NAME_SEARCH_BOUND && hits.length < RESULT_LIMIT);
  return { query, hits: hits.slice(0, RESULT_LIMIT), bounded: more && read >= NAME_SEARCH_BOUND };
};
