-- AlterEnum
ALTER TYPE "YDocKind" ADD VALUE 'screen';
