-- Full-text search over the pre-tokenised columns of SearchDocuments (ADR-013): the 'simple' configuration
-- only splits on spaces and lower-cases, which is all pre-tokenised text needs; titles weigh more (A) than
-- bodies (B). The column and indexes are not in the EF model. Run once by the Initial migration, as one batch.

ALTER TABLE "SearchDocuments" ADD "SearchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, "TitleTerms"), 'A') ||
    setweight(to_tsvector('simple'::regconfig, "BodyTerms"), 'B')) STORED;

CREATE INDEX "IX_SearchDocuments_SearchVector" ON "SearchDocuments" USING GIN ("SearchVector");

-- For the newest-matches-first candidate scan of very common terms (see PostgreSqlSearchService).
CREATE INDEX "IX_SearchDocuments_Kind_Id" ON "SearchDocuments" ("Kind", "Id");
