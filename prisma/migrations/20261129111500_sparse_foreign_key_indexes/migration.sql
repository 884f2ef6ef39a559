-- Partial indexes over the rows that have a value, for foreign keys that are empty on most rows.
-- ANALYZE counts the empty rows as one value, so the full indexes look useless to the planner
-- (a thread's lessons read 100 000 rows through another index). See docs/decisions/0014.
CREATE INDEX "Lesson_threadId_present_idx" ON "Lesson"("threadId") WHERE "threadId" IS NOT NULL;
CREATE INDEX "Lesson_projectId_present_idx" ON "Lesson"("projectId") WHERE "projectId" IS NOT NULL;
CREATE INDEX "Lesson_sessionId_present_idx" ON "Lesson"("sessionId") WHERE "sessionId" IS NOT NULL;
CREATE INDEX "Lesson_evaluationId_present_idx" ON "Lesson"("evaluationId") WHERE "evaluationId" IS NOT NULL;
CREATE INDEX "Project_callId_present_idx" ON "Project"("callId") WHERE "callId" IS NOT NULL;
CREATE INDEX "Goal_parentId_present_idx" ON "Goal"("parentId") WHERE "parentId" IS NOT NULL;
CREATE INDEX "ActionItem_sessionId_present_idx" ON "ActionItem"("sessionId") WHERE "sessionId" IS NOT NULL;
CREATE INDEX "ActionItem_ownerId_doneAt_present_idx" ON "ActionItem"("ownerId", "doneAt") WHERE "ownerId" IS NOT NULL;
CREATE INDEX "LearningSession_seriesId_startsAt_present_idx" ON "LearningSession"("seriesId", "startsAt") WHERE "seriesId" IS NOT NULL;
