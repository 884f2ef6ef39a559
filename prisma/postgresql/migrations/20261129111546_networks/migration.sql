-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "askMeAbout" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "networkId" TEXT,
ADD COLUMN     "studyVisitId" TEXT;

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "networkId" TEXT;

-- AlterTable
ALTER TABLE "LearningSession" ADD COLUMN     "networkId" TEXT;

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdByOrganisationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "networkId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "invitedById" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "NetworkMember_pkey" PRIMARY KEY ("networkId","organisationId")
);

-- CreateTable
CREATE TABLE "StudyVisit" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "hostOrganisationId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "visitDate" TIMESTAMP(3) NOT NULL,
    "questions" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudyVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyVisitParticipant" (
    "studyVisitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "StudyVisitParticipant_pkey" PRIMARY KEY ("studyVisitId","userId")
);

-- CreateTable
CREATE TABLE "NetworkQuestionnaire" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "questions" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkQuestionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkAnswer" (
    "questionnaireId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkAnswer_pkey" PRIMARY KEY ("questionnaireId","organisationId","position")
);

-- CreateIndex
CREATE INDEX "NetworkMember_organisationId_status_idx" ON "NetworkMember"("organisationId", "status");

-- CreateIndex
CREATE INDEX "StudyVisit_organisationId_visitDate_idx" ON "StudyVisit"("organisationId", "visitDate");

-- CreateIndex
CREATE INDEX "StudyVisit_hostOrganisationId_visitDate_idx" ON "StudyVisit"("hostOrganisationId", "visitDate");

-- CreateIndex
CREATE INDEX "StudyVisitParticipant_userId_idx" ON "StudyVisitParticipant"("userId");

-- CreateIndex
CREATE INDEX "NetworkQuestionnaire_networkId_createdAt_idx" ON "NetworkQuestionnaire"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "Lesson_networkId_idx" ON "Lesson"("networkId");

-- CreateIndex
CREATE INDEX "Category_networkId_idx" ON "Category"("networkId");

-- CreateIndex
CREATE INDEX "LearningSession_networkId_startsAt_idx" ON "LearningSession"("networkId", "startsAt");

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_studyVisitId_fkey" FOREIGN KEY ("studyVisitId") REFERENCES "StudyVisit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningSession" ADD CONSTRAINT "LearningSession_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_createdByOrganisationId_fkey" FOREIGN KEY ("createdByOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisit" ADD CONSTRAINT "StudyVisit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisit" ADD CONSTRAINT "StudyVisit_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisit" ADD CONSTRAINT "StudyVisit_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisit" ADD CONSTRAINT "StudyVisit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisitParticipant" ADD CONSTRAINT "StudyVisitParticipant_studyVisitId_fkey" FOREIGN KEY ("studyVisitId") REFERENCES "StudyVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyVisitParticipant" ADD CONSTRAINT "StudyVisitParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkQuestionnaire" ADD CONSTRAINT "NetworkQuestionnaire_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkQuestionnaire" ADD CONSTRAINT "NetworkQuestionnaire_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkQuestionnaire" ADD CONSTRAINT "NetworkQuestionnaire_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAnswer" ADD CONSTRAINT "NetworkAnswer_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "NetworkQuestionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAnswer" ADD CONSTRAINT "NetworkAnswer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAnswer" ADD CONSTRAINT "NetworkAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Until now "network" meant every organisation on the instance. What was shared
-- that way stays shared with the same organisations, through one network holding them all.
INSERT INTO "Network" ("id", "name", "description", "createdAt", "updatedAt")
SELECT 'network-whole-instance', 'Alla organisationer', 'Alla organisationer på den här Lärloop-installationen.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Lesson" WHERE "visibility" = 'network') OR EXISTS (SELECT 1 FROM "Category" WHERE "sharedWithNetwork");
INSERT INTO "NetworkMember" ("networkId", "organisationId", "status", "invitedAt", "joinedAt")
SELECT 'network-whole-instance', "id", 'member', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Organisation"
WHERE EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
UPDATE "Lesson" SET "networkId" = 'network-whole-instance' WHERE "visibility" = 'network' AND EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
UPDATE "Category" SET "networkId" = 'network-whole-instance' WHERE "sharedWithNetwork" AND EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
