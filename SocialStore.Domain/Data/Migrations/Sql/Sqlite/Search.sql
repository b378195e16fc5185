-- Full-text search over the pre-tokenised columns of SearchDocuments (ADR-013).
-- One external-content FTS5 table per kind (its content is a view of that kind's rows), so a search of
-- one kind never ranks the others. Triggers keep them in step, so every write to SearchDocuments
-- updates them in the same transaction. Run once by the Initial migration, as one batch.
-- The kinds are written out (Note, Product, User, Topic): a new SearchKind needs a migration of its own.

CREATE VIEW "SearchNoteContent" AS SELECT "Id", "TitleTerms", "BodyTerms" FROM "SearchDocuments" WHERE "Kind" = 'Note';
CREATE VIRTUAL TABLE "SearchNoteFts" USING fts5(
    "TitleTerms", "BodyTerms", content='SearchNoteContent', content_rowid='Id', tokenize='unicode61');

CREATE VIEW "SearchProductContent" AS SELECT "Id", "TitleTerms", "BodyTerms" FROM "SearchDocuments" WHERE "Kind" = 'Product';
CREATE VIRTUAL TABLE "SearchProductFts" USING fts5(
    "TitleTerms", "BodyTerms", content='SearchProductContent', content_rowid='Id', tokenize='unicode61');

CREATE VIEW "SearchUserContent" AS SELECT "Id", "TitleTerms", "BodyTerms" FROM "SearchDocuments" WHERE "Kind" = 'User';
CREATE VIRTUAL TABLE "SearchUserFts" USING fts5(
    "TitleTerms", "BodyTerms", content='SearchUserContent', content_rowid='Id', tokenize='unicode61');

CREATE VIEW "SearchTopicContent" AS SELECT "Id", "TitleTerms", "BodyTerms" FROM "SearchDocuments" WHERE "Kind" = 'Topic';
CREATE VIRTUAL TABLE "SearchTopicFts" USING fts5(
    "TitleTerms", "BodyTerms", content='SearchTopicContent', content_rowid='Id', tokenize='unicode61');

CREATE TRIGGER "SearchDocuments_AfterInsert" AFTER INSERT ON "SearchDocuments" BEGIN
    INSERT INTO "SearchNoteFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Note';
    INSERT INTO "SearchProductFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Product';
    INSERT INTO "SearchUserFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'User';
    INSERT INTO "SearchTopicFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Topic';
END;

CREATE TRIGGER "SearchDocuments_AfterDelete" AFTER DELETE ON "SearchDocuments" BEGIN
    INSERT INTO "SearchNoteFts"("SearchNoteFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Note';
    INSERT INTO "SearchProductFts"("SearchProductFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Product';
    INSERT INTO "SearchUserFts"("SearchUserFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'User';
    INSERT INTO "SearchTopicFts"("SearchTopicFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Topic';
END;

CREATE TRIGGER "SearchDocuments_AfterUpdate" AFTER UPDATE ON "SearchDocuments" BEGIN
    INSERT INTO "SearchNoteFts"("SearchNoteFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Note';
    INSERT INTO "SearchProductFts"("SearchProductFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Product';
    INSERT INTO "SearchUserFts"("SearchUserFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'User';
    INSERT INTO "SearchTopicFts"("SearchTopicFts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = 'Topic';
    INSERT INTO "SearchNoteFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Note';
    INSERT INTO "SearchProductFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Product';
    INSERT INTO "SearchUserFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'User';
    INSERT INTO "SearchTopicFts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = 'Topic';
END;
