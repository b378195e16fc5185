using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SharerRewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpirySweeps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Through = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpirySweeps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RewardGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Trigger = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    BeneficiaryId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    NewUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CouponTemplateId = table.Column<long>(type: "bigint", nullable: true),
                    CouponId = table.Column<long>(type: "bigint", nullable: true),
                    Points = table.Column<int>(type: "int", nullable: false),
                    ShareLinkId = table.Column<long>(type: "bigint", nullable: true),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardGrants_AspNetUsers_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardGrants_AspNetUsers_NewUserId",
                        column: x => x.NewUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardGrants_Coupons_CouponId",
                        column: x => x.CouponId,
                        principalTable: "Coupons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    SignUpKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SignUpTemplateId = table.Column<long>(type: "bigint", nullable: true),
                    SignUpPoints = table.Column<int>(type: "int", nullable: false),
                    FirstOrderKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FirstOrderTemplateId = table.Column<long>(type: "bigint", nullable: true),
                    FirstOrderPoints = table.Column<int>(type: "int", nullable: false),
                    InviterTemplateId = table.Column<long>(type: "bigint", nullable: true),
                    InviteeTemplateId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_BeneficiaryId_Id",
                table: "RewardGrants",
                columns: new[] { "BeneficiaryId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_CouponId",
                table: "RewardGrants",
                column: "CouponId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_NewUserId_Trigger",
                table: "RewardGrants",
                columns: new[] { "NewUserId", "Trigger" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardGrants_OrderId",
                table: "RewardGrants",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpirySweeps");

            migrationBuilder.DropTable(
                name: "RewardGrants");

            migrationBuilder.DropTable(
                name: "RewardSettings");
        }
    }
}
