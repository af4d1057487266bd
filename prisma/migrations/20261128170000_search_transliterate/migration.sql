-- Search text now adds an ASCII transliteration of the folded text. An empty searchText marks a row
-- to rebuild (a real one is never empty: it holds the username). The migrate step recomputes these
-- in JavaScript (lib/db/rebuild-search.ts) right after applying migrations.
-- No semicolon in comments here: @prisma/adapter-pg splits a migration script at every one.
UPDATE "User" SET "searchText" = '';
