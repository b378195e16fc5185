using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttributionTouches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    BrowserToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EarnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NoteId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    ShareLinkId = table.Column<long>(type: "INTEGER", nullable: true),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstTouchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TouchedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttributionTouches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttributionTouches_AspNetUsers_EarnerId",
                        column: x => x.EarnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttributionTouches_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionProductRates",
                columns: table => new
                {
                    ProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    RateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionProductRates", x => x.ProductId);
                    table.ForeignKey(
                        name: "FK_CommissionProductRates_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Creators",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Creators", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_Creators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderLineAttributions",
                columns: table => new
                {
                    OrderLineId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EarnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NoteId = table.Column<long>(type: "INTEGER", nullable: false),
                    ShareLinkId = table.Column<long>(type: "INTEGER", nullable: true),
                    TouchId = table.Column<long>(type: "INTEGER", nullable: false),
                    TouchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLineAttributions", x => x.OrderLineId);
                    table.ForeignKey(
                        name: "FK_OrderLineAttributions_AspNetUsers_BuyerId",
                        column: x => x.BuyerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrderLineAttributions_AspNetUsers_EarnerId",
                        column: x => x.EarnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrderLineAttributions_OrderLines_OrderLineId",
                        column: x => x.OrderLineId,
                        principalTable: "OrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PayoutRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayoutRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayoutRequests_AspNetUsers_CreatorId",
                        column: x => x.CreatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CommissionRateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    AttributionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterSalesDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    BaseAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    RateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderLineId = table.Column<long>(type: "INTEGER", nullable: false),
                    NoteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PayoutId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_AspNetUsers_CreatorId",
                        column: x => x.CreatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionEntries_PayoutRequests_PayoutId",
                        column: x => x.PayoutId,
                        principalTable: "PayoutRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttributionTouches_BrowserToken",
                table: "AttributionTouches",
                column: "BrowserToken");

            migrationBuilder.CreateIndex(
                name: "IX_AttributionTouches_EarnerId",
                table: "AttributionTouches",
                column: "EarnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AttributionTouches_NoteId_TouchedAt",
                table: "AttributionTouches",
                columns: new[] { "NoteId", "TouchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttributionTouches_SubjectKey_EarnerId_NoteId_ProductId_Day",
                table: "AttributionTouches",
                columns: new[] { "SubjectKey", "EarnerId", "NoteId", "ProductId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttributionTouches_UserId_TouchedAt",
                table: "AttributionTouches",
                columns: new[] { "UserId", "TouchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_CreatorId_State",
                table: "CommissionEntries",
                columns: new[] { "CreatorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_OrderId",
                table: "CommissionEntries",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_PayoutId",
                table: "CommissionEntries",
                column: "PayoutId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_Source",
                table: "CommissionEntries",
                column: "Source",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionEntries_State_AvailableAt",
                table: "CommissionEntries",
                columns: new[] { "State", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLineAttributions_BuyerId",
                table: "OrderLineAttributions",
                column: "BuyerId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLineAttributions_EarnerId_CreatedAt",
                table: "OrderLineAttributions",
                columns: new[] { "EarnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLineAttributions_NoteId_CreatedAt",
                table: "OrderLineAttributions",
                columns: new[] { "NoteId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLineAttributions_OrderId",
                table: "OrderLineAttributions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PayoutRequests_CreatorId_RequestedAt",
                table: "PayoutRequests",
                columns: new[] { "CreatorId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PayoutRequests_Status",
                table: "PayoutRequests",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttributionTouches");

            migrationBuilder.DropTable(
                name: "CommissionEntries");

            migrationBuilder.DropTable(
                name: "CommissionProductRates");

            migrationBuilder.DropTable(
                name: "Creators");

            migrationBuilder.DropTable(
                name: "OrderLineAttributions");

            migrationBuilder.DropTable(
                name: "ReferralSettings");

            migrationBuilder.DropTable(
                name: "PayoutRequests");
        }
    }
}
