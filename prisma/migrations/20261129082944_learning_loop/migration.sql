-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "budgetOre" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "opensOn" DATETIME,
    "closesOn" DATETIME,
    "decidedOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Call_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Call_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallGoal" (
    "callId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,

    PRIMARY KEY ("callId", "goalId"),
    CONSTRAINT "CallGoal_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallTag" (
    "callId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("callId", "tagId"),
    CONSTRAINT "CallTag_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallLesson" (
    "callId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "assessedById" TEXT,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("callId", "lessonId"),
    CONSTRAINT "CallLesson_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallLesson_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallLesson_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationModelEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "supportType" TEXT NOT NULL DEFAULT '',
    "projectType" TEXT NOT NULL DEFAULT '',
    "goalId" TEXT,
    "level" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvaluationModelEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvaluationModelEntry_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "evaluator" TEXT NOT NULL DEFAULT '',
    "startsOn" DATETIME,
    "endsOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Evaluation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationGoal" (
    "evaluationId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,

    PRIMARY KEY ("evaluationId", "goalId"),
    CONSTRAINT "EvaluationGoal_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvaluationGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationProject" (
    "evaluationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    PRIMARY KEY ("evaluationId", "projectId"),
    CONSTRAINT "EvaluationProject_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvaluationProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'region',
    "description" TEXT NOT NULL DEFAULT '',
    "county" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "sharingNeedsApproval" BOOLEAN NOT NULL DEFAULT false,
    "publicResults" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organisation" ("contactEmail", "county", "createdAt", "description", "id", "kind", "name", "sharingNeedsApproval", "slug", "updatedAt", "website") SELECT "contactEmail", "county", "createdAt", "description", "id", "kind", "name", "sharingNeedsApproval", "slug", "updatedAt", "website" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "beneficiary" TEXT NOT NULL DEFAULT '',
    "beneficiaryOrgNumber" TEXT NOT NULL DEFAULT '',
    "supportType" TEXT NOT NULL,
    "supportForm" TEXT NOT NULL DEFAULT '',
    "decidedAmountOre" BIGINT NOT NULL DEFAULT 0,
    "coFundingOre" BIGINT NOT NULL DEFAULT 0,
    "decisionDate" DATETIME,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'decided',
    "statusLabel" TEXT NOT NULL DEFAULT '',
    "callId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Project_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Project_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Project" ("beneficiary", "beneficiaryOrgNumber", "caseNumber", "coFundingOre", "createdAt", "decidedAmountOre", "decisionDate", "endDate", "id", "name", "organisationId", "startDate", "status", "statusLabel", "supportForm", "supportType", "updatedAt") SELECT "beneficiary", "beneficiaryOrgNumber", "caseNumber", "coFundingOre", "createdAt", "decidedAmountOre", "decisionDate", "endDate", "id", "name", "organisationId", "startDate", "status", "statusLabel", "supportForm", "supportType", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE INDEX "Project_organisationId_status_idx" ON "Project"("organisationId", "status");
CREATE INDEX "Project_callId_idx" ON "Project"("callId");
CREATE UNIQUE INDEX "Project_organisationId_caseNumber_key" ON "Project"("organisationId", "caseNumber");
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
    CONSTRAINT "Lesson_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("authorId", "body", "bodyHtml", "context", "createdAt", "evidence", "id", "organisationId", "postId", "projectId", "publishedAt", "recommendation", "sessionId", "sourceNote", "sourceType", "status", "threadId", "title", "updatedAt", "visibility", "whatHappened", "whatWeLearned") SELECT "authorId", "body", "bodyHtml", "context", "createdAt", "evidence", "id", "organisationId", "postId", "projectId", "publishedAt", "recommendation", "sessionId", "sourceNote", "sourceType", "status", "threadId", "title", "updatedAt", "visibility", "whatHappened", "whatWeLearned" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_organisationId_status_idx" ON "Lesson"("organisationId", "status");
CREATE INDEX "Lesson_projectId_idx" ON "Lesson"("projectId");
CREATE INDEX "Lesson_threadId_idx" ON "Lesson"("threadId");
CREATE INDEX "Lesson_sessionId_idx" ON "Lesson"("sessionId");
CREATE INDEX "Lesson_evaluationId_idx" ON "Lesson"("evaluationId");
CREATE INDEX "Lesson_visibility_status_idx" ON "Lesson"("visibility", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Call_organisationId_status_idx" ON "Call"("organisationId", "status");

-- CreateIndex
CREATE INDEX "CallGoal_goalId_idx" ON "CallGoal"("goalId");

-- CreateIndex
CREATE INDEX "CallTag_tagId_idx" ON "CallTag"("tagId");

-- CreateIndex
CREATE INDEX "CallLesson_lessonId_idx" ON "CallLesson"("lessonId");

-- CreateIndex
CREATE INDEX "EvaluationModelEntry_organisationId_idx" ON "EvaluationModelEntry"("organisationId");

-- CreateIndex
CREATE INDEX "Evaluation_organisationId_status_idx" ON "Evaluation"("organisationId", "status");

-- CreateIndex
CREATE INDEX "EvaluationGoal_goalId_idx" ON "EvaluationGoal"("goalId");

-- CreateIndex
CREATE INDEX "EvaluationProject_projectId_idx" ON "EvaluationProject"("projectId");

