-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnReason" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ProjectChange" (
    "id" BIGSERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "meetingId" TEXT,
    "seq" INTEGER,
    "kind" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "actorName" TEXT NOT NULL,
    "role" "Role",
    "participantId" TEXT,
    "organiserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectChange_planId_id_idx" ON "ProjectChange"("planId", "id");

-- CreateIndex
CREATE INDEX "ProjectChange_meetingId_seq_idx" ON "ProjectChange"("meetingId", "seq");
