import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type Database = PrismaClient;

export function createDatabaseClient(connectionString: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/**
 * BIGINT columns hold whole baht; the domain works in safe integers, which cover any budget by a wide margin. Prisma
 * reads a BIGINT as a bigint, the plain pg driver as its decimal text.
 */
export function bahtFromDb(value: bigint | string): number {
  const baht = Number(value);
  if (!Number.isSafeInteger(baht)) throw new RangeError(`Amount out of range: ${value}`);
  return baht;
}
