-- AlterTable
ALTER TABLE "FrameRecord" ADD COLUMN     "signature" TEXT;
