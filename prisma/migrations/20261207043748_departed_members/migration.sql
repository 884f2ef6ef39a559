-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "departedLessons" TEXT NOT NULL DEFAULT 'keep';

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorFormer" BOOLEAN NOT NULL DEFAULT false;
