using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class R4Dash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardFirstSeen",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardFirstSeen", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "DashboardOrderDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "int", nullable: false),
                    Orders = table.Column<int>(type: "int", nullable: false),
                    Gmv = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CouponCost = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardOrderDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DashboardRollupDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardRollupDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DashboardUserDays",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardUserDays", x => new { x.Kind, x.Day, x.UserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaidAt",
                table: "Orders",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFirstSeen_Day_UserId",
                table: "DashboardFirstSeen",
                columns: new[] { "Day", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardRollupDays_State_Day",
                table: "DashboardRollupDays",
                columns: new[] { "State", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardFirstSeen");

            migrationBuilder.DropTable(
                name: "DashboardOrderDays");

            migrationBuilder.DropTable(
                name: "DashboardRollupDays");

            migrationBuilder.DropTable(
                name: "DashboardUserDays");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PaidAt",
                table: "Orders");
        }
    }
}
