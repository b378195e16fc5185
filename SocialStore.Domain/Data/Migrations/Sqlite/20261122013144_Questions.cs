using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Questions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductQuestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    AskerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AnswerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductQuestion_AspNetUsers_AskerId",
                        column: x => x.AskerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductQuestion_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductAnswer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByBuyer = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductAnswer_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductAnswer_ProductQuestion_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ProductQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductAnswer_AuthorId",
                table: "ProductAnswer",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductAnswer_QuestionId_ByBuyer_Id",
                table: "ProductAnswer",
                columns: new[] { "QuestionId", "ByBuyer", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductQuestion_AskerId",
                table: "ProductQuestion",
                column: "AskerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductQuestion_ProductId_Id",
                table: "ProductQuestion",
                columns: new[] { "ProductId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductAnswer");

            migrationBuilder.DropTable(
                name: "ProductQuestion");
        }
    }
}
