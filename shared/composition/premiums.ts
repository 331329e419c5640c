import { MembersRepository } from '../premiums/adapters/members-repository';
import { PremiumsRepository } from '../premiums/adapters/premiums-repository';
import { ENV, requireEnv } from './env';

export const membersRepository = (): MembersRepository => new MembersRepository(requireEnv(ENV.membersTable));
export const premiumsRepository = (): PremiumsRepository => new PremiumsRepository(requireEnv(ENV.membersTable));
