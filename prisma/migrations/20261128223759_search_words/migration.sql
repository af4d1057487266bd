-- Search text is now the distinct words of the folded text and of its transliteration, each after a
-- space, plus every character of a CJK word on its own (lib/profile/search.ts). One- and two-letter
-- searches then match the start of a word with LIKE '% zo%', which the trigram index serves: pg_trgm
-- pads every word with spaces, so " zo" is a trigram of each row with a word starting "zo".
-- An empty searchText marks a row to rebuild: the migrate step recomputes these in JavaScript
-- (lib/db/rebuild-search.ts) right after applying migrations.
-- No semicolon in comments here: @prisma/adapter-pg splits a migration script at every one.
UPDATE "User" SET "searchText" = '';
