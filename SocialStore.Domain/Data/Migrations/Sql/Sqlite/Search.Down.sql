-- Undoes Search.sql before the Initial migration drops SearchDocuments (its triggers go with it).

DROP TABLE IF EXISTS "SearchNoteFts";
DROP VIEW IF EXISTS "SearchNoteContent";
DROP TABLE IF EXISTS "SearchProductFts";
DROP VIEW IF EXISTS "SearchProductContent";
DROP TABLE IF EXISTS "SearchUserFts";
DROP VIEW IF EXISTS "SearchUserContent";
DROP TABLE IF EXISTS "SearchTopicFts";
DROP VIEW IF EXISTS "SearchTopicContent";
