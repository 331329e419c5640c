import { maskAccount } from '../../reference-data/banks';
import {
  BankRejectedError,
  BankUnavailableError,
  type Disbursement,
  type TransferReceipt,
  type TransferRequest,
} from '../application/ports';

/**
 * The disbursement service over HTTP. The claim reference is the idempotency key: the bank returns the first
 * transfer for a key it has seen, so a retry after a timeout can never pay twice. The API key comes from a source
 * (Secrets Manager, read once per cold start: shared/platform/secrets); a failed read is a BankUnavailableError,
 * retried by the state machine like an unreachable bank, and nothing is sent.
 */
export class BankClient implements Disbursement {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: () => Promise<string>,
    private readonly timeoutMs = 10_000,
  ) {}

  async transfer(request: TransferRequest): Promise<TransferReceipt> {
    let apiKey: string;
    try {
      apiKey = await this.apiKey();
    } catch (error) {
      throw new BankUnavailableError(`The bank key could not be read: ${(error as Error).name}`);
    }
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/transfers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': request.reference, authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ ...request, currency: 'IDR' }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new BankUnavailableError(
        `Transfer for ${request.reference} to ${maskAccount(request.accountNumber)}: ${(error as Error).name}`,
      );
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status >= 500 || res.status === 429) throw new BankUnavailableError(`Bank answered ${res.status} for ${request.reference}`);
    if (res.status >= 400)
      throw new BankRejectedError(
        `Bank refused ${request.reference}: ${String(body.message ?? res.status)}`,
        String(body.code ?? 'REJECTED'),
      );
    if (body.status !== 'COMPLETED' || typeof body.transferId !== 'string')
      throw new BankUnavailableError(`Unexpected bank answer for ${request.reference}`);
    return {
      transferId: body.transferId,
      status: 'COMPLETED',
      amount: Number(body.amount),
      completedAt: typeof body.completedAt === 'string' ? body.completedAt : new Date().toISOString(),
    };
  }
}
