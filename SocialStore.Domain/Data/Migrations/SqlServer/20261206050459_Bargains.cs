using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Bargains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "LeaderPrice",
                table: "GroupBuyCampaigns",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BargainCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    SkuId = table.Column<long>(type: "bigint", nullable: false),
                    FloorPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "int", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "int", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Stock = table.Column<int>(type: "int", nullable: false),
                    InitialStock = table.Column<int>(type: "int", nullable: false),
                    IsPaused = table.Column<bool>(type: "bit", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BargainCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BargainCampaigns_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BargainCampaigns_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bargains",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OpenOwnerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    StartPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    FloorPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    MaxCut = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    TotalCut = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "int", nullable: false),
                    HelperCount = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    BoughtAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bargains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bargains_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bargains_BargainCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "BargainCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bargains_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BargainCuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BargainId = table.Column<long>(type: "bigint", nullable: false),
                    HelperId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BargainCuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BargainCuts_AspNetUsers_HelperId",
                        column: x => x.HelperId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BargainCuts_Bargains_BargainId",
                        column: x => x.BargainId,
                        principalTable: "Bargains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BargainCampaigns_ProductId_EndsAt",
                table: "BargainCampaigns",
                columns: new[] { "ProductId", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BargainCampaigns_SkuId",
                table: "BargainCampaigns",
                column: "SkuId");

            migrationBuilder.CreateIndex(
                name: "IX_BargainCuts_BargainId_HelperId",
                table: "BargainCuts",
                columns: new[] { "BargainId", "HelperId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BargainCuts_BargainId_Sequence",
                table: "BargainCuts",
                columns: new[] { "BargainId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BargainCuts_HelperId",
                table: "BargainCuts",
                column: "HelperId");

            migrationBuilder.CreateIndex(
                name: "IX_Bargains_CampaignId_OpenOwnerId",
                table: "Bargains",
                columns: new[] { "CampaignId", "OpenOwnerId" },
                unique: true,
                filter: "[OpenOwnerId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bargains_OrderId",
                table: "Bargains",
                column: "OrderId",
                unique: true,
                filter: "[OrderId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bargains_OwnerId_CreatedAt",
                table: "Bargains",
                columns: new[] { "OwnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BargainCuts");

            migrationBuilder.DropTable(
                name: "Bargains");

            migrationBuilder.DropTable(
                name: "BargainCampaigns");

            migrationBuilder.DropColumn(
                name: "LeaderPrice",
                table: "GroupBuyCampaigns");
        }
    }
}
