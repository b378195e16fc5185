using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class R4Growth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastTriedAt",
                table: "RewardGrants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retries",
                table: "RewardGrants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UnavailableReason",
                table: "RewardGrants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinLevelRank",
                table: "CouponTemplates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_State_CouponTemplateId",
                table: "RewardGrants",
                columns: new[] { "State", "CouponTemplateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RewardGrants_State_CouponTemplateId",
                table: "RewardGrants");

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
                name: "MinLevelRank",
                table: "CouponTemplates");
        }
    }
}
