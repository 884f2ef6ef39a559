-- A thread page reads the lessons promoted from each of its posts.
-- CreateIndex
CREATE INDEX "Lesson_postId_idx" ON "Lesson"("postId");
