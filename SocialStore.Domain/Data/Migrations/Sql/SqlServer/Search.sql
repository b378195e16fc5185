-- Full-text search over the pre-tokenised columns of SearchDocuments (ADR-013). Catalogs and full-text
-- indexes cannot be created inside a transaction: the Initial migration runs this file outside one, each
-- GO-separated batch on its own. LANGUAGE 0 (neutral) splits on spaces; no stoplist, so one-letter words count.

IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'SocialStoreSearch') CREATE FULLTEXT CATALOG [SocialStoreSearch];
GO

CREATE FULLTEXT INDEX ON [SearchDocuments] ([TitleTerms] LANGUAGE 0, [BodyTerms] LANGUAGE 0) KEY INDEX [PK_SearchDocuments] ON [SocialStoreSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
