-- CreateTable
CREATE TABLE "FramePreparation" (
    "meetingId" TEXT NOT NULL,
    "draftHash" TEXT NOT NULL,
    "preparedById" TEXT NOT NULL,
    "preparedByName" TEXT NOT NULL,
    "preparedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FramePreparation_pkey" PRIMARY KEY ("meetingId")
);

-- AddForeignKey
ALTER TABLE "FramePreparation" ADD CONSTRAINT "FramePreparation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
