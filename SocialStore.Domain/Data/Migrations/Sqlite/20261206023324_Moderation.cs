using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "ProductQuestion",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "ProductAnswer",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ModerationDecisionId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reviewable",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetAuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AutoHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDecisionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviewable", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSanction",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MutedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    BannedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSanction", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_UserSanction_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationDecision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewableId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ModeratorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MuteDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    HideThreshold = table.Column<double>(type: "REAL", nullable: false),
                    IsAppealDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppealText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationDecision_AspNetUsers_ModeratorId",
                        column: x => x.ModeratorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModerationDecision_Reviewable_ReviewableId",
                        column: x => x.ReviewableId,
                        principalTable: "Reviewable",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Report",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewableId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Upheld = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Report", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Report_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Report_Reviewable_ReviewableId",
                        column: x => x.ReviewableId,
                        principalTable: "Reviewable",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ModerationDecisionId",
                table: "Notifications",
                column: "ModerationDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecision_ModeratorId",
                table: "ModerationDecision",
                column: "ModeratorId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecision_ReviewableId_Id",
                table: "ModerationDecision",
                columns: new[] { "ReviewableId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Report_ReporterId_CreatedAt",
                table: "Report",
                columns: new[] { "ReporterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Report_ReviewableId_ReporterId_Round",
                table: "Report",
                columns: new[] { "ReviewableId", "ReporterId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviewable_State_Score",
                table: "Reviewable",
                columns: new[] { "State", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviewable_TargetAuthorId",
                table: "Reviewable",
                column: "TargetAuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviewable_TargetType_TargetKey",
                table: "Reviewable",
                columns: new[] { "TargetType", "TargetKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_ModerationDecision_ModerationDecisionId",
                table: "Notifications",
                column: "ModerationDecisionId",
                principalTable: "ModerationDecision",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_ModerationDecision_ModerationDecisionId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "ModerationDecision");

            migrationBuilder.DropTable(
                name: "Report");

            migrationBuilder.DropTable(
                name: "UserSanction");

            migrationBuilder.DropTable(
                name: "Reviewable");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ModerationDecisionId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "IsHidden",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "IsHidden",
                table: "ProductQuestion");

            migrationBuilder.DropColumn(
                name: "IsHidden",
                table: "ProductAnswer");

            migrationBuilder.DropColumn(
                name: "ModerationDecisionId",
                table: "Notifications");
        }
    }
}
