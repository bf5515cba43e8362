-- CreateEnum
CREATE TYPE "CommitteePosition" AS ENUM ('chair', 'vice_chair', 'member', 'member_secretary', 'assistant_secretary');

-- CreateEnum
CREATE TYPE "ParticipantKind" AS ENUM ('member', 'attendee', 'device');

-- CreateEnum
CREATE TYPE "JoinRequestStatus" AS ENUM ('pending', 'admitted', 'refused');

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "absenceReason" TEXT,
ADD COLUMN     "kind" "ParticipantKind" NOT NULL DEFAULT 'member',
ADD COLUMN     "rosterMemberId" TEXT,
ADD COLUMN     "substituteForId" TEXT;

-- CreateTable
CREATE TABLE "Organiser" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,

    CONSTRAINT "Organiser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganiserLink" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "organiserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganiserLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterMember" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "position" "CommitteePosition" NOT NULL,
    "agencyTh" TEXT NOT NULL,
    "agencyEn" TEXT NOT NULL DEFAULT '',
    "meetingRole" "Role" NOT NULL,
    "order" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "RosterMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "rosterMemberId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "organisationTh" TEXT NOT NULL DEFAULT '',
    "role" "Role" NOT NULL,
    "kind" "ParticipantKind" NOT NULL DEFAULT 'member',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "issuedByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rosterMemberId" TEXT,
    "status" "JoinRequestStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedByName" TEXT,
    "participantId" TEXT,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- Invites of the previous release were signed tokens only: each one somebody joined by becomes a row, already used.
INSERT INTO "Invite" ("id", "meetingId", "role", "expiresAt", "redeemedAt", "createdAt")
SELECT DISTINCT ON ("inviteId") "inviteId", "meetingId", "role", "joinedAt", "joinedAt", "joinedAt"
FROM "Participant" WHERE "inviteId" IS NOT NULL
ORDER BY "inviteId", "joinedAt";

-- The room's screen joined as an observer named จอห้องประชุม: it is a device. Other observers were attendees.
UPDATE "Participant" SET "kind" = 'device' WHERE "role" = 'observer' AND "displayName" = 'จอห้องประชุม';
UPDATE "Participant" SET "kind" = 'attendee' WHERE "role" = 'observer' AND "kind" = 'member';

-- CreateIndex
CREATE INDEX "RosterMember_planId_order_idx" ON "RosterMember"("planId", "order");

-- CreateIndex
CREATE INDEX "Invite_meetingId_idx" ON "Invite"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "JoinRequest_participantId_key" ON "JoinRequest"("participantId");

-- CreateIndex
CREATE INDEX "JoinRequest_meetingId_status_idx" ON "JoinRequest"("meetingId", "status");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_rosterMemberId_fkey" FOREIGN KEY ("rosterMemberId") REFERENCES "RosterMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_substituteForId_fkey" FOREIGN KEY ("substituteForId") REFERENCES "RosterMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organiser" ADD CONSTRAINT "Organiser_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Organiser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganiserLink" ADD CONSTRAINT "OrganiserLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Organiser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganiserLink" ADD CONSTRAINT "OrganiserLink_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organiser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterMember" ADD CONSTRAINT "RosterMember_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_rosterMemberId_fkey" FOREIGN KEY ("rosterMemberId") REFERENCES "RosterMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_rosterMemberId_fkey" FOREIGN KEY ("rosterMemberId") REFERENCES "RosterMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
