-- CreateTable
CREATE TABLE "WhatIfSandbox" (
    "participantId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "edits" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatIfSandbox_pkey" PRIMARY KEY ("participantId")
);

-- CreateIndex
CREATE INDEX "WhatIfSandbox_meetingId_idx" ON "WhatIfSandbox"("meetingId");
