-- A thread page reads the lessons promoted from each of its posts: without an index on
-- Lesson.postId that read every published lesson (0.6 s a page at 100 000 lessons).
-- CreateIndex
CREATE INDEX "Lesson_postId_idx" ON "Lesson"("postId");

-- Beside it, as for the other foreign keys most lessons leave empty (docs/decisions/0014).
CREATE INDEX "Lesson_postId_present_idx" ON "Lesson"("postId") WHERE "postId" IS NOT NULL;
