using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bargains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaderPrice",
                table: "GroupBuyCampaigns",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BargainCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    SkuId = table.Column<long>(type: "INTEGER", nullable: false),
                    FloorPrice = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stock = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialStock = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenOwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartPrice = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    FloorPrice = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    MaxCut = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    TotalCut = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    HelperCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    BoughtAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BargainId = table.Column<long>(type: "INTEGER", nullable: false),
                    HelperId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bargains_OrderId",
                table: "Bargains",
                column: "OrderId",
                unique: true);

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
