using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TargetId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TitleTerms = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    BodyTerms = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Engagement = table.Column<double>(type: "float", nullable: false)
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

            // Full-text over the pre-tokenised columns (ADR-013). Catalogs and full-text indexes cannot be
            // created inside a transaction. LANGUAGE 0 (neutral) splits on spaces; no stoplist, so one-letter words count.
            migrationBuilder.Sql(
                "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'SocialStoreSearch') CREATE FULLTEXT CATALOG [SocialStoreSearch];",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [SearchDocuments] ([TitleTerms] LANGUAGE 0, [BodyTerms] LANGUAGE 0) KEY INDEX [PK_SearchDocuments] ON [SocialStoreSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [SearchDocuments];", suppressTransaction: true);
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
