import { jakartaDate } from '../../shared/kernel/time';
import { validate } from '../../shared/kernel/validate';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';

describe('POST /staff/reconciliations period', () => {
  it('takes the current Jakarta month and earlier ones, and refuses a month to come (9999-12 wrote 10,000 items)', () => {
    const thisMonth = jakartaDate().slice(0, 7);
    expect(validate(reconcileRequestSchema, { period: thisMonth })).toEqual({ period: thisMonth });
    expect(validate(reconcileRequestSchema, { period: '2019-03' })).toEqual({ period: '2019-03' });
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    for (const period of [next, '9999-12'])
      expect(() => validate(reconcileRequestSchema, { period })).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ path: 'period', code: 'period.future' })] }),
      );
  });
});
