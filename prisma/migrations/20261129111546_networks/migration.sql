-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdByOrganisationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Network_createdByOrganisationId_fkey" FOREIGN KEY ("createdByOrganisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "networkId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "invitedById" TEXT,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" DATETIME,

    PRIMARY KEY ("networkId", "organisationId"),
    CONSTRAINT "NetworkMember_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "hostOrganisationId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "visitDate" DATETIME NOT NULL,
    "questions" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudyVisit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyVisitParticipant" (
    "studyVisitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("studyVisitId", "userId"),
    CONSTRAINT "StudyVisitParticipant_studyVisitId_fkey" FOREIGN KEY ("studyVisitId") REFERENCES "StudyVisit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyVisitParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NetworkQuestionnaire" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "networkId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "questions" TEXT NOT NULL,
    "closesAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NetworkQuestionnaire_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkQuestionnaire_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkQuestionnaire_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NetworkAnswer" (
    "questionnaireId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredById" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("questionnaireId", "organisationId", "position"),
    CONSTRAINT "NetworkAnswer_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "NetworkQuestionnaire" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkAnswer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "askMeAbout" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("createdAt", "id", "organisationId", "role", "updatedAt", "userId") SELECT "createdAt", "id", "organisationId", "role", "updatedAt", "userId" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "whatHappened" TEXT NOT NULL DEFAULT '',
    "whatWeLearned" TEXT NOT NULL DEFAULT '',
    "recommendation" TEXT NOT NULL DEFAULT '',
    "sourceType" TEXT NOT NULL DEFAULT 'other',
    "projectId" TEXT,
    "sourceNote" TEXT NOT NULL DEFAULT '',
    "sessionId" TEXT,
    "threadId" TEXT,
    "postId" TEXT,
    "evaluationId" TEXT,
    "studyVisitId" TEXT,
    "networkId" TEXT,
    "evidence" TEXT NOT NULL DEFAULT 'observation',
    "visibility" TEXT NOT NULL DEFAULT 'organisation',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lesson_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Lesson_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LearningSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_studyVisitId_fkey" FOREIGN KEY ("studyVisitId") REFERENCES "StudyVisit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Lesson_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("authorId", "body", "bodyHtml", "context", "createdAt", "evaluationId", "evidence", "id", "organisationId", "postId", "projectId", "publishedAt", "recommendation", "sessionId", "sourceNote", "sourceType", "status", "threadId", "title", "updatedAt", "visibility", "whatHappened", "whatWeLearned") SELECT "authorId", "body", "bodyHtml", "context", "createdAt", "evaluationId", "evidence", "id", "organisationId", "postId", "projectId", "publishedAt", "recommendation", "sessionId", "sourceNote", "sourceType", "status", "threadId", "title", "updatedAt", "visibility", "whatHappened", "whatWeLearned" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_organisationId_status_idx" ON "Lesson"("organisationId", "status");
CREATE INDEX "Lesson_projectId_idx" ON "Lesson"("projectId");
CREATE INDEX "Lesson_threadId_idx" ON "Lesson"("threadId");
CREATE INDEX "Lesson_sessionId_idx" ON "Lesson"("sessionId");
CREATE INDEX "Lesson_evaluationId_idx" ON "Lesson"("evaluationId");
CREATE INDEX "Lesson_networkId_idx" ON "Lesson"("networkId");
CREATE INDEX "Lesson_visibility_status_idx" ON "Lesson"("visibility", "status");
CREATE TABLE "new_Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "template" TEXT NOT NULL DEFAULT '',
    "sharedWithNetwork" BOOLEAN NOT NULL DEFAULT false,
    "networkId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Category_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Category_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Category" ("createdAt", "description", "id", "name", "organisationId", "position", "sharedWithNetwork", "template") SELECT "createdAt", "description", "id", "name", "organisationId", "position", "sharedWithNetwork", "template" FROM "Category";
DROP TABLE "Category";
ALTER TABLE "new_Category" RENAME TO "Category";
CREATE INDEX "Category_organisationId_idx" ON "Category"("organisationId");
CREATE INDEX "Category_networkId_idx" ON "Category"("networkId");
CREATE TABLE "new_LearningSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "seriesId" TEXT,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 90,
    "place" TEXT NOT NULL DEFAULT '',
    "videoUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "anonymousNotes" BOOLEAN NOT NULL DEFAULT false,
    "votesPerPerson" INTEGER NOT NULL DEFAULT 5,
    "votesPerTarget" INTEGER NOT NULL DEFAULT 2,
    "currentPhaseId" TEXT,
    "phaseEndsAt" DATETIME,
    "pausedRemainingMs" INTEGER,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "synthesisThreadId" TEXT,
    "networkId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearningSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LearningSession_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SessionSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LearningSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LearningSession_synthesisThreadId_fkey" FOREIGN KEY ("synthesisThreadId") REFERENCES "Thread" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LearningSession_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LearningSession" ("anonymousNotes", "createdAt", "createdById", "currentPhaseId", "durationMinutes", "endedAt", "id", "organisationId", "pausedRemainingMs", "phaseEndsAt", "place", "seriesId", "startedAt", "startsAt", "status", "synthesisThreadId", "theme", "title", "updatedAt", "videoUrl", "votesPerPerson", "votesPerTarget") SELECT "anonymousNotes", "createdAt", "createdById", "currentPhaseId", "durationMinutes", "endedAt", "id", "organisationId", "pausedRemainingMs", "phaseEndsAt", "place", "seriesId", "startedAt", "startsAt", "status", "synthesisThreadId", "theme", "title", "updatedAt", "videoUrl", "votesPerPerson", "votesPerTarget" FROM "LearningSession";
DROP TABLE "LearningSession";
ALTER TABLE "new_LearningSession" RENAME TO "LearningSession";
CREATE INDEX "LearningSession_organisationId_startsAt_idx" ON "LearningSession"("organisationId", "startsAt");
CREATE INDEX "LearningSession_seriesId_startsAt_idx" ON "LearningSession"("seriesId", "startsAt");
CREATE INDEX "LearningSession_networkId_startsAt_idx" ON "LearningSession"("networkId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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


-- Rebuilding Lesson and LearningSession above dropped the partial indexes of
-- 20261129111500_sparse_foreign_key_indexes: they come back, with the new sparse keys.
CREATE INDEX "Lesson_threadId_present_idx" ON "Lesson"("threadId") WHERE "threadId" IS NOT NULL;
CREATE INDEX "Lesson_projectId_present_idx" ON "Lesson"("projectId") WHERE "projectId" IS NOT NULL;
CREATE INDEX "Lesson_sessionId_present_idx" ON "Lesson"("sessionId") WHERE "sessionId" IS NOT NULL;
CREATE INDEX "Lesson_evaluationId_present_idx" ON "Lesson"("evaluationId") WHERE "evaluationId" IS NOT NULL;
CREATE INDEX "Lesson_networkId_present_idx" ON "Lesson"("networkId") WHERE "networkId" IS NOT NULL;
CREATE INDEX "Lesson_studyVisitId_present_idx" ON "Lesson"("studyVisitId") WHERE "studyVisitId" IS NOT NULL;
CREATE INDEX "Category_networkId_present_idx" ON "Category"("networkId") WHERE "networkId" IS NOT NULL;
CREATE INDEX "LearningSession_seriesId_startsAt_present_idx" ON "LearningSession"("seriesId", "startsAt") WHERE "seriesId" IS NOT NULL;
CREATE INDEX "LearningSession_networkId_startsAt_present_idx" ON "LearningSession"("networkId", "startsAt") WHERE "networkId" IS NOT NULL;

-- Until now "network" meant every organisation on the instance. What was shared
-- that way stays shared with the same organisations, through one network holding them all.
INSERT INTO "Network" ("id", "name", "description", "createdAt", "updatedAt")
SELECT 'network-whole-instance', 'Alla organisationer', 'Alla organisationer på den här Lärloop-installationen.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Lesson" WHERE "visibility" = 'network') OR EXISTS (SELECT 1 FROM "Category" WHERE "sharedWithNetwork" = 1);
INSERT INTO "NetworkMember" ("networkId", "organisationId", "status", "invitedAt", "joinedAt")
SELECT 'network-whole-instance', "id", 'member', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Organisation"
WHERE EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
UPDATE "Lesson" SET "networkId" = 'network-whole-instance' WHERE "visibility" = 'network' AND EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
UPDATE "Category" SET "networkId" = 'network-whole-instance' WHERE "sharedWithNetwork" = 1 AND EXISTS (SELECT 1 FROM "Network" WHERE "id" = 'network-whole-instance');
