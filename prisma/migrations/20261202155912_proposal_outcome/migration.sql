-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "closedSeq" INTEGER,
ADD COLUMN     "decisionReason" TEXT NOT NULL DEFAULT '';
