using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlsoBought",
                columns: table => new
                {
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    OtherProductId = table.Column<long>(type: "bigint", nullable: false),
                    Buyers = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlsoBought", x => new { x.ProductId, x.OtherProductId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlsoBought");
        }
    }
}
