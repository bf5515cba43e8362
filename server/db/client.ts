import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type Database = PrismaClient;

export function createDatabaseClient(connectionString: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** BIGINT columns hold whole baht; the domain works in safe integers, which cover any budget by a wide margin. */
export function bahtFromDb(value: bigint): number {
  const baht = Number(value);
  if (!Number.isSafeInteger(baht)) throw new RangeError(`Amount out of range: ${value}`);
  return baht;
}
