import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { uploadRequestSchema } from '../../shared/claims/schemas/upload';
import { ValidationError } from '../../shared/kernel/errors';
import { jakartaDate } from '../../shared/kernel/time';
import { validate } from '../../shared/kernel/validate';
import { type Body, validClaim } from '../support/fixtures';

const fieldsOf = (body: Body): { path: string; code: string }[] => {
  try {
    validate(claimSubmissionSchema, body);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.fields.map(({ path, code }) => ({ path, code }));
  }
};

describe('claim submission schema', () => {
  it('accepts the api.md example and normalises phone, NIK and account', () => {
    const body = validClaim((b) => {
      b.claimant.phone = '0812-3456-7890';
      b.member.nik = '3173 0141 0785 0003';
      b.payout.accountNumber = '0123-0100-0123-456';
    });
    const parsed = validate(claimSubmissionSchema, body);
    expect(parsed.claimant.phone).toBe('+6281234567890');
    expect(parsed.member.nik).toBe('3173014107850003');
    expect(parsed.payout.accountNumber).toBe('012301000123456');
    expect(parsed.documents).toEqual([]);
  });

  it('accepts single-word names and names with titles', () => {
    expect(
      fieldsOf(
        validClaim((b) => {
          b.member.name = 'Sukarno';
          b.claimant.name = 'H. Abdul Qodir, S.Pd.';
          b.payout.accountHolder = 'H. Abdul Qodir, S.Pd.';
        }),
      ),
    ).toEqual([]);
  });

  it('trims and collapses spaces in names', () => {
    const parsed = validate(
      claimSubmissionSchema,
      validClaim((b) => {
        b.member.name = '  Siti   Aminah ';
      }),
    );
    expect(parsed.member.name).toBe('Siti Aminah');
  });

  const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
  it.each<[string, (b: Body) => void, string, string]>([
    ['missing member NIK', (b) => delete b.member.nik, 'member.nik', 'required'],
    ['short NIK', (b) => (b.member.nik = '12345'), 'member.nik', 'nik.format'],
    ['unknown province', (b) => (b.claimant.nik = '9901011501900001'), 'claimant.nik', 'nik.province'],
    ['impossible birth date', (b) => (b.claimant.nik = '3201013102900001'), 'claimant.nik', 'nik.birthDate'],
    ['serial 0000', (b) => (b.claimant.nik = '3201011501900000'), 'claimant.nik', 'nik.serial'],
    ['name with digits', (b) => (b.member.name = 'Siti 123'), 'member.name', 'name.invalid'],
    ['empty name', (b) => (b.claimant.name = '   '), 'claimant.name', 'required'],
    ['very long name', (b) => (b.claimant.name = 'A'.repeat(101)), 'claimant.name', 'tooLong'],
    ['unknown benefit', (b) => (b.benefit = 'JHT'), 'benefit', 'benefit.invalid'],
    ['incident in the future', (b) => (b.incident.date = tomorrow), 'incident.date', 'date.future'],
    ['not a date', (b) => (b.incident.date = '2026-02-30'), 'incident.date', 'date.invalid'],
    ['date before 2000', (b) => (b.incident.date = '1999-12-31'), 'incident.date', 'date.tooOld'],
    [
      'JKM for an injury',
      (b) => {
        b.incident.type = 'injury';
        b.claimant.relationship = 'self';
        b.claimant.nik = b.member.nik;
      },
      'incident.type',
      'incidentType.jkmRequiresDeath',
    ],
    [
      'JKK without cause',
      (b) => {
        b.benefit = 'JKK';
        delete b.incident.cause;
      },
      'incident.cause',
      'cause.required',
    ],
    [
      'JKK for an illness',
      (b) => {
        b.benefit = 'JKK';
        b.incident.cause = 'illness';
      },
      'incident.cause',
      'cause.notWork',
    ],
    ['JKM for a work accident', (b) => (b.incident.cause = 'work_accident'), 'incident.cause', 'cause.isWork'],
    ['unknown cause', (b) => (b.incident.cause = 'meteor'), 'incident.cause', 'cause.invalid'],
    ['self for a death', (b) => (b.claimant.relationship = 'self'), 'claimant.relationship', 'relationship.selfOnlyInjury'],
    [
      'a child for an injury (only the member, or the spouse with a power of attorney)',
      (b) => {
        b.benefit = 'JKK';
        b.incident.type = 'injury';
        b.incident.cause = 'work_accident';
        b.claimant.relationship = 'child';
      },
      'claimant.relationship',
      'relationship.injuryIsSelf',
    ],
    [
      'a guardian for an injury',
      (b) => {
        b.benefit = 'JKK';
        b.incident.type = 'injury';
        b.incident.cause = 'work_accident';
        b.claimant.relationship = 'guardian';
        b.claimant.ward = { name: 'Dewi', birthDate: '2015-01-01' };
      },
      'claimant.relationship',
      'relationship.injuryIsSelf',
    ],
    ['a guardian without the child', (b) => (b.claimant.relationship = 'guardian'), 'claimant.ward.name', 'ward.required'],
    [
      'a guardian for a child of 17 or more',
      (b) => {
        b.claimant.relationship = 'guardian';
        b.claimant.ward = { name: 'Dewi', birthDate: '2000-01-01' };
      },
      'claimant.ward.birthDate',
      'ward.adult',
    ],
    [
      'a funeral arranger for an injury',
      (b) => {
        b.benefit = 'JKK';
        b.incident.type = 'injury';
        b.incident.cause = 'work_accident';
        b.claimant.relationship = 'funeral_arranger';
      },
      'claimant.relationship',
      'relationship.injuryIsSelf',
    ],
    [
      'injured member with another NIK',
      (b) => {
        b.benefit = 'JKK';
        b.incident.type = 'injury';
        b.incident.cause = 'work_accident';
        b.claimant.relationship = 'self';
      },
      'claimant.nik',
      'claimant.selfNikMismatch',
    ],
    ["heir with the member's NIK", (b) => (b.claimant.nik = b.member.nik), 'claimant.nik', 'claimant.sameAsMember'],
    ['unknown relationship', (b) => (b.claimant.relationship = 'friend'), 'claimant.relationship', 'relationship.invalid'],
    ['landline instead of a mobile', (b) => (b.claimant.phone = '021 5550123'), 'claimant.phone', 'phone.invalid'],
    ['foreign phone', (b) => (b.claimant.phone = '+12025550123'), 'claimant.phone', 'phone.invalid'],
    [
      'no way to reach the family',
      (b) => {
        delete b.claimant.phone;
        delete b.claimant.email;
      },
      'claimant.phone',
      'claimant.contactRequired',
    ],
    ['bad email', (b) => (b.claimant.email = 'ahmad@'), 'claimant.email', 'email.invalid'],
    ['unknown bank', (b) => (b.payout.bankCode = '999'), 'payout.bankCode', 'bank.unknown'],
    ['account with letters', (b) => (b.payout.accountNumber = '12AB3456'), 'payout.accountNumber', 'account.invalid'],
    ['account too short', (b) => (b.payout.accountNumber = '12345'), 'payout.accountNumber', 'account.invalid'],
    [
      'unknown document type',
      (b) => (b.documents = [{ type: 'SELFIE', uploadId: 'up_aaaaaaaaaaaaaaaaaaaaaa' }]),
      'documents[0].type',
      'document.type',
    ],
    [
      'malformed upload id',
      (b) => (b.documents = [{ type: 'BANK_BOOK', uploadId: '../../etc' }]),
      'documents[0].uploadId',
      'uploadId.invalid',
    ],
    [
      'the same upload twice',
      (b) =>
        (b.documents = [
          { type: 'BANK_BOOK', uploadId: 'up_aaaaaaaaaaaaaaaaaaaaaa' },
          { type: 'FAMILY_CARD', uploadId: 'up_aaaaaaaaaaaaaaaaaaaaaa' },
        ]),
      'documents[1].uploadId',
      'documents.duplicate',
    ],
    [
      'too many documents',
      (b) => (b.documents = Array.from({ length: 21 }, (_, i) => ({ type: 'OTHER', uploadId: `up_${String(i).padStart(22, 'a')}` }))),
      'documents',
      'documents.tooMany',
    ],
    ['description too long', (b) => (b.incident.description = 'x'.repeat(1001)), 'incident.description', 'tooLong'],
  ])('refuses %s', (_name, mutate, path, code) => {
    expect(fieldsOf(validClaim(mutate))).toContainEqual({ path, code });
  });

  it('reports every broken field at once, one message per field', () => {
    const fields = fieldsOf({ benefit: 'X', member: { nik: '1', name: '' }, incident: {}, claimant: {}, payout: {} });
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['benefit', 'member.nik', 'member.name', 'incident.type', 'incident.date', 'claimant.nik', 'payout.bankCode']),
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('accepts today as the incident date (Jakarta calendar)', () => {
    expect(fieldsOf(validClaim((b) => (b.incident.date = jakartaDate())))).toEqual([]);
  });
});

describe('upload request schema', () => {
  it('accepts a PDF of 1 MB', () => {
    expect(validate(uploadRequestSchema, { type: 'BANK_BOOK', contentType: 'application/pdf', size: 1_000_000 })).toMatchObject({
      size: 1_000_000,
    });
  });
  it.each([
    [{ type: 'BANK_BOOK', contentType: 'application/pdf', size: 5 * 1024 * 1024 + 1 }, 'size', 'upload.tooLarge'],
    [{ type: 'BANK_BOOK', contentType: 'image/gif', size: 10 }, 'contentType', 'upload.contentType'],
    [{ type: 'BANK_BOOK', contentType: 'image/png', size: 0 }, 'size', 'upload.size'],
    [{ type: 'BANK_BOOK', contentType: 'image/png', size: 1.5 }, 'size', 'upload.size'],
    [{ type: 'SELFIE', contentType: 'image/png', size: 10 }, 'type', 'document.type'],
  ])('refuses %j', (input, path, code) => {
    expect(() => validate(uploadRequestSchema, input)).toThrow(ValidationError);
    try {
      validate(uploadRequestSchema, input);
    } catch (error) {
      expect((error as ValidationError).fields).toContainEqual({ path, code });
    }
  });
});
