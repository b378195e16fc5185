using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ShareVisitCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShareVisitCounts",
                columns: table => new
                {
                    ShareLinkId = table.Column<long>(type: "bigint", nullable: false),
                    ClientKey = table.Column<string>(type: "nvarchar(44)", maxLength: 44, nullable: false),
                    Window = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareVisitCounts", x => new { x.ShareLinkId, x.ClientKey, x.Window });
                    table.ForeignKey(
                        name: "FK_ShareVisitCounts_ShareLinks_ShareLinkId",
                        column: x => x.ShareLinkId,
                        principalTable: "ShareLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShareVisitCounts");
        }
    }
}
