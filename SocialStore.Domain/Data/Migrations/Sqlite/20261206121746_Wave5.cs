using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave5 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastTriedAt",
                table: "RewardGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retries",
                table: "RewardGrants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UnavailableReason",
                table: "RewardGrants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreatorMinLevelRank",
                table: "ReferralSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinLevelRank",
                table: "CouponTemplates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionCounters",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionCounters", x => new { x.Subject, x.Action, x.WindowStart });
                });

            migrationBuilder.CreateTable(
                name: "DashboardFirstSeen",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardFirstSeen", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "DashboardOrderDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Gmv = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    CouponCost = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardOrderDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DashboardRollupDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RolledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardRollupDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DashboardUserDays",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardUserDays", x => new { x.Kind, x.Day, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "PendingFileDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingFileDeletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_State_CouponTemplateId",
                table: "RewardGrants",
                columns: new[] { "State", "CouponTemplateId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaidAt",
                table: "Orders",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "IX_ActionCounters_WindowStart",
                table: "ActionCounters",
                column: "WindowStart");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFirstSeen_Day_UserId",
                table: "DashboardFirstSeen",
                columns: new[] { "Day", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardRollupDays_State_Day",
                table: "DashboardRollupDays",
                columns: new[] { "State", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingFileDeletions_QueuedAt",
                table: "PendingFileDeletions",
                column: "QueuedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionCounters");

            migrationBuilder.DropTable(
                name: "DashboardFirstSeen");

            migrationBuilder.DropTable(
                name: "DashboardOrderDays");

            migrationBuilder.DropTable(
                name: "DashboardRollupDays");

            migrationBuilder.DropTable(
                name: "DashboardUserDays");

            migrationBuilder.DropTable(
                name: "PendingFileDeletions");

            migrationBuilder.DropIndex(
                name: "IX_RewardGrants_State_CouponTemplateId",
                table: "RewardGrants");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PaidAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "LastTriedAt",
                table: "RewardGrants");

            migrationBuilder.DropColumn(
                name: "Retries",
                table: "RewardGrants");

            migrationBuilder.DropColumn(
                name: "UnavailableReason",
                table: "RewardGrants");

            migrationBuilder.DropColumn(
                name: "CreatorMinLevelRank",
                table: "ReferralSettings");

            migrationBuilder.DropColumn(
                name: "MinLevelRank",
                table: "CouponTemplates");
        }
    }
}
