-- Undoes Search.sql before the Initial migration drops SearchDocuments; runs outside a transaction.
DROP FULLTEXT INDEX ON [SearchDocuments];
