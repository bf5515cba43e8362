-- CreateEnum
CREATE TYPE "MinutesState" AS ENUM ('draft', 'circulated', 'adopted', 'locked');

-- CreateEnum
CREATE TYPE "MinutesAdoptionHow" AS ENUM ('next_meeting', 'circulation');

-- CreateTable
CREATE TABLE "MinutesAdoption" (
    "meetingId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "state" "MinutesState" NOT NULL,
    "circulatedAt" TIMESTAMP(3),
    "circulatedBy" TEXT,
    "adoptedAt" TIMESTAMP(3),
    "adoptedBy" TEXT,
    "adoptedHow" "MinutesAdoptionHow",
    "adoptedAtMeetingId" TEXT,
    "amendments" JSONB NOT NULL DEFAULT '[]',
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "version" INTEGER,
    "canonical" TEXT,
    "hash" TEXT,
    "prevHash" TEXT,
    "signature" TEXT,
    "pdf" BYTEA,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MinutesAdoption_pkey" PRIMARY KEY ("meetingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "MinutesAdoption_planId_version_key" ON "MinutesAdoption"("planId", "version");

-- AddForeignKey
ALTER TABLE "MinutesAdoption" ADD CONSTRAINT "MinutesAdoption_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Locked minutes are a record: once locked, the row is never changed or removed.
CREATE FUNCTION "minutes_adoption_locked"() RETURNS trigger AS $$
BEGIN
  IF OLD."state" = 'locked' THEN
    RAISE EXCEPTION 'Locked minutes are immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "MinutesAdoption_locked"
  BEFORE UPDATE OR DELETE ON "MinutesAdoption"
  FOR EACH ROW EXECUTE FUNCTION "minutes_adoption_locked"();
