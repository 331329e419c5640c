import { auditCsv } from '../../shared/claims/domain/audit-export';

describe('a claim audit trail as CSV', () => {
  const events = [
    { type: 'CLAIM_SUBMITTED', at: '2026-10-03T14:05:00.000+07:00', actor: { kind: 'family' as const } },
    {
      type: 'CLAIM_REJECTED',
      at: '2026-10-05T09:00:00.000+07:00',
      actor: { kind: 'staff' as const, id: 'approver' },
      details: { role: 'approver', reasonCode: 'OTHER', note: '=HYPERLINK("http://evil.example") "quoted", and more' },
    },
    {
      type: 'DOCUMENT_VIEWED',
      at: '2026-10-04T08:00:00.000+07:00',
      actor: { kind: 'staff' as const, id: 'verifier' },
      details: { document: 2, type: 'DEATH_CERTIFICATE' },
    },
  ];

  it('has one row per event, oldest first, with who, when, what and why', () => {
    const lines = auditCsv('SNT-2026-BCDFGH', events).split('\r\n');
    expect(lines[0]).toBe('reference,at,type,actor,actorId,role,reasonCode,note,details');
    expect(lines[1]).toBe('SNT-2026-BCDFGH,2026-10-03T14:05:00.000+07:00,CLAIM_SUBMITTED,family,,,,,');
    expect(lines[2]).toBe(
      'SNT-2026-BCDFGH,2026-10-04T08:00:00.000+07:00,DOCUMENT_VIEWED,staff,verifier,,,,document=2; type=DEATH_CERTIFICATE',
    );
    expect(lines[3]).toBe(
      `SNT-2026-BCDFGH,2026-10-05T09:00:00.000+07:00,CLAIM_REJECTED,staff,approver,approver,OTHER,"'=HYPERLINK(""http://evil.example"") ""quoted"", and more",`,
    );
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('writes nested details as JSON and an empty trail as its header alone', () => {
    const csv = auditCsv('SNT-2026-BCDFGH', [
      {
        type: 'CLAIM_CORRECTED',
        at: '2026-10-06T10:00:00.000+07:00',
        actor: { kind: 'family' },
        details: { fields: ['member.nik'], nikLast4: '0003' },
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      'SNT-2026-BCDFGH,2026-10-06T10:00:00.000+07:00,CLAIM_CORRECTED,family,,,,,"fields=[""member.nik""]; nikLast4=0003"',
    );
    expect(auditCsv('SNT-2026-BCDFGH', [])).toBe('reference,at,type,actor,actorId,role,reasonCode,note,details\r\n');
  });
});
