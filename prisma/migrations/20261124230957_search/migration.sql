-- Trigram indexes make "contains" search fast (a trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "User_searchText_idx" ON "User" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_lastName_firstName_id_idx" ON "User"("lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "User_displayName_id_idx" ON "User"("displayName", "id");

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- Existing rows: the application keeps searchText current on every write from now on.
UPDATE "User" SET "searchText" = lower(concat_ws(' ', "username", "email", "firstName", "lastName", "displayName", "nickName"));
