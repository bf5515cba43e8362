-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Stream" AS ENUM ('upstream', 'midstream', 'downstream');

-- CreateEnum
CREATE TYPE "IntegrationType" AS ENUM ('system_data', 'budget');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('chair', 'presenter', 'member', 'secretary', 'observer');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('present', 'online', 'absent');

-- CreateEnum
CREATE TYPE "AgendaKind" AS ENUM ('announcement', 'minutes_approval', 'follow_up', 'consideration', 'other', 'custom');

-- CreateEnum
CREATE TYPE "CeilingChangeKind" AS ENUM ('set', 'proposal_accepted', 'revert', 'undo', 'reopen', 'import');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('pending', 'accepted', 'rejected', 'withdrawn', 'superseded');

-- CreateEnum
CREATE TYPE "ResolutionOutcome" AS ENUM ('approved_as_requested', 'approved_adjusted', 'not_approved', 'deferred', 'noted');

-- CreateEnum
CREATE TYPE "ResolutionStatus" AS ENUM ('draft', 'confirmed', 'reopened');

-- CreateEnum
CREATE TYPE "YDocKind" AS ENUM ('annotations', 'minutes', 'private');

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "fiscalYearBE" INTEGER NOT NULL,
    "titleTh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "frameBaht" BIGINT NOT NULL,
    "hardCap" BOOLEAN NOT NULL DEFAULT false,
    "allowAboveRequest" BOOLEAN NOT NULL DEFAULT false,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "stream" "Stream" NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approach" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Approach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "abbreviationTh" TEXT NOT NULL,
    "ministryTh" TEXT NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "summaryTh" TEXT NOT NULL DEFAULT '',
    "agencyId" TEXT NOT NULL,
    "approachId" TEXT NOT NULL,
    "integrationType" "IntegrationType" NOT NULL,
    "requestedBaht" BIGINT NOT NULL,
    "ceilingBaht" BIGINT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectPartner" (
    "projectId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "requestsBudget" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProjectPartner_pkey" PRIMARY KEY ("projectId","agencyId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "yearBE" INTEGER NOT NULL,
    "titleTh" TEXT NOT NULL,
    "venueTh" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "seq" INTEGER NOT NULL DEFAULT 0,
    "focus" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "AgendaKind" NOT NULL,
    "titleTh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "organisationTh" TEXT NOT NULL DEFAULT '',
    "role" "Role" NOT NULL,
    "attendance" "Attendance",
    "inviteId" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CeilingChange" (
    "id" BIGSERIAL NOT NULL,
    "meetingId" TEXT,
    "projectId" TEXT NOT NULL,
    "participantId" TEXT,
    "actorName" TEXT NOT NULL,
    "role" "Role",
    "kind" "CeilingChangeKind" NOT NULL,
    "fromBaht" BIGINT NOT NULL,
    "toBaht" BIGINT NOT NULL,
    "versionAfter" INTEGER NOT NULL,
    "seq" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "proposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CeilingChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "proposerId" TEXT NOT NULL,
    "proposedBaht" BIGINT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "ProposalStatus" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "projectId" TEXT,
    "agendaItemId" TEXT,
    "outcome" "ResolutionOutcome" NOT NULL,
    "textTh" TEXT NOT NULL DEFAULT '',
    "ceilingBaht" BIGINT,
    "status" "ResolutionStatus" NOT NULL DEFAULT 'draft',
    "recordedById" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameRecord" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "canonical" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prevHash" TEXT,
    "preparedById" TEXT NOT NULL,
    "confirmedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YDocument" (
    "name" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "YDocKind" NOT NULL,
    "snapshot" BYTEA,
    "snapshotUpTo" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YDocument_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "YUpdate" (
    "id" BIGSERIAL NOT NULL,
    "docName" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "YUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Goal_planId_number_key" ON "Goal"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Approach_goalId_code_key" ON "Approach"("goalId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_nameTh_key" ON "Agency"("nameTh");

-- CreateIndex
CREATE INDEX "Project_approachId_idx" ON "Project"("approachId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_planId_code_key" ON "Project"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Project_planId_nameTh_key" ON "Project"("planId", "nameTh");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_planId_number_yearBE_key" ON "Meeting"("planId", "number", "yearBE");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_position_key" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "Participant_meetingId_idx" ON "Participant"("meetingId");

-- CreateIndex
CREATE INDEX "CeilingChange_projectId_id_idx" ON "CeilingChange"("projectId", "id");

-- CreateIndex
CREATE INDEX "CeilingChange_meetingId_seq_idx" ON "CeilingChange"("meetingId", "seq");

-- CreateIndex
CREATE INDEX "Proposal_meetingId_status_idx" ON "Proposal"("meetingId", "status");

-- CreateIndex
CREATE INDEX "Resolution_meetingId_idx" ON "Resolution"("meetingId");

-- CreateIndex
CREATE INDEX "Resolution_projectId_idx" ON "Resolution"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameRecord_planId_version_key" ON "FrameRecord"("planId", "version");

-- CreateIndex
CREATE INDEX "YUpdate_docName_id_idx" ON "YUpdate"("docName", "id");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approach" ADD CONSTRAINT "Approach_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_approachId_fkey" FOREIGN KEY ("approachId") REFERENCES "Approach"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPartner" ADD CONSTRAINT "ProjectPartner_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPartner" ADD CONSTRAINT "ProjectPartner_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeilingChange" ADD CONSTRAINT "CeilingChange_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeilingChange" ADD CONSTRAINT "CeilingChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeilingChange" ADD CONSTRAINT "CeilingChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YDocument" ADD CONSTRAINT "YDocument_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YUpdate" ADD CONSTRAINT "YUpdate_docName_fkey" FOREIGN KEY ("docName") REFERENCES "YDocument"("name") ON DELETE CASCADE ON UPDATE CASCADE;
