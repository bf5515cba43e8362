-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'in_session', 'closed');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "hostAgencyEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hostAgencyTh" TEXT NOT NULL DEFAULT '';

-- AlterTable
-- endedAt becomes closedAt: the same fact (เลิกประชุมเวลา), kept for any meeting that has it.
ALTER TABLE "Meeting" RENAME COLUMN "endedAt" TO "closedAt";

ALTER TABLE "Meeting" ADD COLUMN     "onlineUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "previousMeetingId" TEXT,
ADD COLUMN     "status" "MeetingStatus" NOT NULL DEFAULT 'scheduled';

-- Meetings made before the lifecycle were being run as they stood: they are in session since they were called for,
-- or closed if they had ended.
UPDATE "Meeting" SET "status" = CASE WHEN "closedAt" IS NULL THEN 'in_session'::"MeetingStatus" ELSE 'closed'::"MeetingStatus" END,
  "openedAt" = "startsAt";

-- CreateTable
CREATE TABLE "FrameChange" (
    "id" BIGSERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "meetingId" TEXT,
    "seq" INTEGER,
    "fromBaht" BIGINT NOT NULL,
    "toBaht" BIGINT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "actorName" TEXT NOT NULL,
    "participantId" TEXT,
    "organiserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FrameChange_planId_id_idx" ON "FrameChange"("planId", "id");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_previousMeetingId_fkey" FOREIGN KEY ("previousMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameChange" ADD CONSTRAINT "FrameChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameChange" ADD CONSTRAINT "FrameChange_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
