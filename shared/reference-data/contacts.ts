import { normalizeMobile } from './phone';
import { PROGRAMMES, programme } from './programmes';

/**
 * Whom a family contacts about a claim, as data: the status page shows it beside the decision and whenever something
 * waits or goes wrong (a rejected claim must never say "contact an officer" without saying who and how).
 *
 * A programme may have its own desk (PROGRAMME_CONTACTS, by programme code); otherwise its sponsor's contact
 * (SPONSOR_CONTACTS, by the programme's `sponsor`) is shown; a claim whose member is not in the roster (or was
 * verified before the programme was stored on the claim) gets DEFAULT_SPONSOR's. Adding a programme's desk is a data
 * change here; the checks below run once, at cold start, so a malformed number stops the function instead of
 * showing a family a number that cannot be dialled.
 */
export interface Contact {
  /** Who answers, as families know them. */
  name: string;
  /** A number to call, as dialled in Indonesia: a short code (`171`) or a full number (`021…`, `08…`). */
  phone?: string;
  /** A WhatsApp number in E.164 (`+62…`): an Indonesian mobile number. */
  whatsapp?: string;
  /** The office where a family can come in person, one line. */
  address?: string;
  /** Where the details come from, and how sure we are (domain.md's P, S, NC). */
  source: string;
  confidence: 'P' | 'S' | 'NC';
}

/** The sponsor whose contact a claim gets when its member's programme is unknown. */
export const DEFAULT_SPONSOR = 'Kemensos';

export const SPONSOR_CONTACTS: Readonly<Record<string, Contact>> = {
  Kemensos: {
    name: 'Kementerian Sosial (Kemensos)',
    phone: '171',
    whatsapp: '+628111022210',
    address: 'Kementerian Sosial RI, Jl. Salemba Raya No. 28, Jakarta Pusat 10430',
    source:
      'Call center 171 (Kemensos, reported by ayobogor.com); WhatsApp 0811-1022-210, messages only (Kemensos on Instagram, reported by Kompas 2020-05-06); the address is the ministry head office, not confirmed in a source read here. Confirm all three with the sponsor before going live.',
    confidence: 'NC',
  },
};

/** A programme's own desk, when it has one (none is recorded yet: every programme uses its sponsor's). */
export const PROGRAMME_CONTACTS: Readonly<Record<string, Contact>> = {};

export interface ContactTables {
  programmes: Readonly<Record<string, Contact>>;
  sponsors: Readonly<Record<string, Contact>>;
}

const check = (where: string, c: Contact): void => {
  if (!c.name.trim()) throw new Error(`contacts: ${where} has no name`);
  if (!c.phone && !c.whatsapp && !c.address) throw new Error(`contacts: ${where} has no phone, WhatsApp or address`);
  if (c.phone !== undefined && !/^(\d{3,5}|0\d{8,12})$/.test(c.phone))
    throw new Error(`contacts: ${where} phone ${c.phone} cannot be dialled`);
  if (c.whatsapp !== undefined && normalizeMobile(c.whatsapp) !== c.whatsapp)
    throw new Error(`contacts: ${where} WhatsApp ${c.whatsapp} is not an Indonesian mobile number in E.164`);
  if (!c.source.trim()) throw new Error(`contacts: ${where} has no source`);
};

/** Checks a contact table: each contact well formed, each programme code known, the default sponsor present. */
export const checkContacts = (tables: ContactTables): ContactTables => {
  for (const [code, c] of Object.entries(tables.programmes)) {
    if (!Object.hasOwn(PROGRAMMES, code)) throw new Error(`contacts: no programme ${code}`);
    check(`programme ${code}`, c);
  }
  for (const [sponsor, c] of Object.entries(tables.sponsors)) check(`sponsor ${sponsor}`, c);
  if (!Object.hasOwn(tables.sponsors, DEFAULT_SPONSOR)) throw new Error(`contacts: no contact for the default sponsor ${DEFAULT_SPONSOR}`);
  for (const p of Object.values(PROGRAMMES))
    if (!Object.hasOwn(tables.programmes, p.code) && !Object.hasOwn(tables.sponsors, p.sponsor))
      throw new Error(`contacts: programme ${p.code} has no contact, nor has its sponsor ${p.sponsor}`);
  return tables;
};

const TABLES = checkContacts({ programmes: PROGRAMME_CONTACTS, sponsors: SPONSOR_CONTACTS });

/** The contact for a member's programme code: the programme's desk, else its sponsor's, else the default sponsor's. */
export const contactFor = (programCode: string | undefined, tables: ContactTables = TABLES): Contact => {
  if (programCode && Object.hasOwn(tables.programmes, programCode)) return tables.programmes[programCode]!;
  const sponsor = programCode ? programme(programCode)?.sponsor : undefined;
  if (sponsor && Object.hasOwn(tables.sponsors, sponsor)) return tables.sponsors[sponsor]!;
  return tables.sponsors[DEFAULT_SPONSOR]!;
};

/** A WhatsApp number as families write it (`0811 1022 210`), from E.164. */
export const nationalNumber = (e164: string): string => {
  const digits = `0${e164.replace(/^\+62/, '')}`;
  return digits.replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3');
};

/** The wa.me link of a WhatsApp number in E.164 (digits only). */
export const whatsappLink = (e164: string): string => `https://wa.me/${e164.replace(/\D/g, '')}`;
