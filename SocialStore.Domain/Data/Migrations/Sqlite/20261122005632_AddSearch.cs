using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        // Written out, not taken from the SearchKind enum: a migration must not change when the code does.
        private static readonly string[] SearchKinds = ["Note", "Product", "User", "Topic"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Engagement = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId" },
                unique: true);

            // Full-text over the pre-tokenised columns (ADR-013): one external-content FTS5 table per kind
            // (its content is a view of that kind's rows), so a search of one kind never ranks the others.
            // Triggers keep them in step, so every write to SearchDocuments updates them in the same transaction.
            foreach (var kind in SearchKinds)
            {
                migrationBuilder.Sql($"""CREATE VIEW "Search{kind}Content" AS SELECT "Id", "TitleTerms", "BodyTerms" FROM "SearchDocuments" WHERE "Kind" = '{kind}';""");
                migrationBuilder.Sql($"""
                    CREATE VIRTUAL TABLE "Search{kind}Fts" USING fts5(
                        "TitleTerms", "BodyTerms", content='Search{kind}Content', content_rowid='Id', tokenize='unicode61');
                    """);
            }
            string Insert(string kind) =>
                $"""INSERT INTO "Search{kind}Fts"(rowid, "TitleTerms", "BodyTerms") SELECT new."Id", new."TitleTerms", new."BodyTerms" WHERE new."Kind" = '{kind}';""";
            string Delete(string kind) =>
                $"""INSERT INTO "Search{kind}Fts"("Search{kind}Fts", rowid, "TitleTerms", "BodyTerms") SELECT 'delete', old."Id", old."TitleTerms", old."BodyTerms" WHERE old."Kind" = '{kind}';""";
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_AfterInsert" AFTER INSERT ON "SearchDocuments" BEGIN
                {string.Join("\n", SearchKinds.Select(Insert))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_AfterDelete" AFTER DELETE ON "SearchDocuments" BEGIN
                {string.Join("\n", SearchKinds.Select(Delete))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "SearchDocuments_AfterUpdate" AFTER UPDATE ON "SearchDocuments" BEGIN
                {string.Join("\n", SearchKinds.Select(Delete))}
                {string.Join("\n", SearchKinds.Select(Insert))}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var kind in SearchKinds)
            {
                migrationBuilder.Sql($"""DROP TABLE IF EXISTS "Search{kind}Fts";""");
                migrationBuilder.Sql($"""DROP VIEW IF EXISTS "Search{kind}Content";""");
            }
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
