-- Full-text search over lessons and projects (SQLite FTS5). The app writes
-- Swedish word stems into it (app/search/search.server.ts), so that
-- "upphandlingen" finds "upphandling". `shared` marks entries other
-- organisations may see; `organisation_id` the owner.
CREATE VIRTUAL TABLE "search_index" USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    organisation_id UNINDEXED,
    shared UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
