-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "summaryEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "titleEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "venueEn" TEXT NOT NULL DEFAULT '';
