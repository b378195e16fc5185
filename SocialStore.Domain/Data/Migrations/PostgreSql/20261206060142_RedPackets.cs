using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RedPackets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RedPackets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Slots = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Claimed = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedPackets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedPackets_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RedPacketSlots",
                columns: table => new
                {
                    PacketId = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CouponId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedPacketSlots", x => new { x.PacketId, x.Seq });
                    table.ForeignKey(
                        name: "FK_RedPacketSlots_AspNetUsers_ClaimedBy",
                        column: x => x.ClaimedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedPacketSlots_Coupons_CouponId",
                        column: x => x.CouponId,
                        principalTable: "Coupons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedPacketSlots_RedPackets_PacketId",
                        column: x => x.PacketId,
                        principalTable: "RedPackets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RedPackets_CreatedBy",
                table: "RedPackets",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RedPackets_ReturnedAt_ExpiresAt",
                table: "RedPackets",
                columns: new[] { "ReturnedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RedPacketSlots_ClaimedBy",
                table: "RedPacketSlots",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_RedPacketSlots_CouponId",
                table: "RedPacketSlots",
                column: "CouponId");

            migrationBuilder.CreateIndex(
                name: "IX_RedPacketSlots_PacketId_ClaimedBy",
                table: "RedPacketSlots",
                columns: new[] { "PacketId", "ClaimedBy" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RedPacketSlots");

            migrationBuilder.DropTable(
                name: "RedPackets");
        }
    }
}
