using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialStore.Domain.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Wave3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "ProductQuestion",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "ProductAnswer",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ModerationDecisionId",
                table: "Notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlsoBought",
                columns: table => new
                {
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    OtherProductId = table.Column<long>(type: "bigint", nullable: false),
                    Buyers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlsoBought", x => new { x.ProductId, x.OtherProductId });
                });

            migrationBuilder.CreateTable(
                name: "AttributionTouches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    BrowserToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EarnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NoteId = table.Column<long>(type: "bigint", nullable: false),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    ShareLinkId = table.Column<long>(type: "bigint", nullable: true),
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    FirstTouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "BargainCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    SkuId = table.Column<long>(type: "bigint", nullable: false),
                    FloorPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: false),
                    InitialStock = table.Column<int>(type: "integer", nullable: false),
                    IsPaused = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "BehaviourEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NoteId = table.Column<long>(type: "bigint", nullable: true),
                    ProductId = table.Column<long>(type: "bigint", nullable: true),
                    DwellMs = table.Column<int>(type: "integer", nullable: false),
                    Personalised = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BehaviourEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionProductRates",
                columns: table => new
                {
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    RateBasisPoints = table.Column<int>(type: "integer", nullable: false)
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
                name: "CouponTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PercentOff = table.Column<int>(type: "integer", nullable: false),
                    Cap = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidDays = table.Column<int>(type: "integer", nullable: true),
                    TotalLimit = table.Column<int>(type: "integer", nullable: false),
                    Issued = table.Column<int>(type: "integer", nullable: false),
                    PerUserLimit = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    GrantOnly = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouponTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouponTemplates_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Creators",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                name: "EngagementFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NoteId = table.Column<long>(type: "bigint", nullable: true),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementFindings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlashSaleSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlashSaleSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupBuyCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    SkuId = table.Column<long>(type: "bigint", nullable: false),
                    GroupPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    LeaderPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: false),
                    InitialStock = table.Column<int>(type: "integer", nullable: false),
                    PerUserLimit = table.Column<int>(type: "integer", nullable: false),
                    IsPaused = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupBuyCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupBuyCampaigns_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupBuyCampaigns_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrowthEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    OrderLineId = table.Column<long>(type: "bigint", nullable: true),
                    Basis = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrowthEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrowthEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrowthEntries_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InviteBindings",
                columns: table => new
                {
                    InviteeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InviterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReboundBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReboundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteBindings", x => x.InviteeId);
                    table.ForeignKey(
                        name: "FK_InviteBindings_AspNetUsers_InviteeId",
                        column: x => x.InviteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InviteBindings_AspNetUsers_InviterId",
                        column: x => x.InviterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InviteCodes",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteCodes", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_InviteCodes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InviteRewards",
                columns: table => new
                {
                    InviteeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InviterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InviterPoints = table.Column<int>(type: "integer", nullable: false),
                    InviteePoints = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteRewards", x => x.InviteeId);
                    table.ForeignKey(
                        name: "FK_InviteRewards_AspNetUsers_InviteeId",
                        column: x => x.InviteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InviteRewards_AspNetUsers_InviterId",
                        column: x => x.InviterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InviteVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InviterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    VisitorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InviteVisits_AspNetUsers_InviterId",
                        column: x => x.InviterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    PointsRatePercent = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberLevels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderLineAttributions",
                columns: table => new
                {
                    OrderLineId = table.Column<long>(type: "bigint", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    BuyerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EarnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NoteId = table.Column<long>(type: "bigint", nullable: false),
                    ShareLinkId = table.Column<long>(type: "bigint", nullable: true),
                    TouchId = table.Column<long>(type: "bigint", nullable: false),
                    TouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                name: "PersonalisationSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalisationSettings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_PersonalisationSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsAccounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Balance = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccounts", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_PointsAccounts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsCheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Streak = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsCheckIns_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    OrderLineId = table.Column<long>(type: "bigint", nullable: true),
                    Basis = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PointsRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    EarnPerYuan = table.Column<int>(type: "integer", nullable: false),
                    PointsPerYuan = table.Column<int>(type: "integer", nullable: false),
                    MaxSharePercent = table.Column<int>(type: "integer", nullable: false),
                    ExpiryMonths = table.Column<int>(type: "integer", nullable: false),
                    CheckInPoints = table.Column<int>(type: "integer", nullable: false),
                    StreakBonusPerDay = table.Column<int>(type: "integer", nullable: false),
                    StreakBonusMax = table.Column<int>(type: "integer", nullable: false),
                    ReviewWithPhotosPoints = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationFeedback_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ReferralSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CommissionRateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    AttributionDays = table.Column<int>(type: "integer", nullable: false),
                    AfterSalesDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviewable",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetAuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    LatestReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AutoHidden = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastDecisionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviewable", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningWord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Normalized = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CommercialOnly = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningWord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningWord_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareVisitCounts",
                columns: table => new
                {
                    ShareLinkId = table.Column<long>(type: "bigint", nullable: false),
                    ClientKey = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false),
                    Window = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareVisitCounts", x => new { x.ShareLinkId, x.ClientKey, x.Window });
                    table.ForeignKey(
                        name: "FK_ShareVisitCounts_ShareLinks_ShareLinkId",
                        column: x => x.ShareLinkId,
                        principalTable: "ShareLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSanction",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MutedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "Bargains",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenOwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FloorPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    MaxCut = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TotalCut = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HelpersNeeded = table.Column<int>(type: "integer", nullable: false),
                    HelperCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    BoughtAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "Coupons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ClaimSeq = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: true),
                    Discount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    LockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coupons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Coupons_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Coupons_CouponTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "CouponTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Coupons_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CouponTemplateProducts",
                columns: table => new
                {
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    ProductId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouponTemplateProducts", x => new { x.TemplateId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_CouponTemplateProducts_CouponTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "CouponTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouponTemplateProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngagementFindingMembers",
                columns: table => new
                {
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementFindingMembers", x => new { x.FindingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_EngagementFindingMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementFindingMembers_EngagementFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "EngagementFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlashSaleItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlotId = table.Column<long>(type: "bigint", nullable: false),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    SkuId = table.Column<long>(type: "bigint", nullable: false),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: false),
                    Remaining = table.Column<int>(type: "integer", nullable: false),
                    PerUserLimit = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlashSaleItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlashSaleItems_FlashSaleSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "FlashSaleSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FlashSaleItems_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FlashSaleItems_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "GroupBuyGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    LeaderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    PaidCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupBuyGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupBuyGroups_GroupBuyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "GroupBuyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    BaseAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    OrderLineId = table.Column<long>(type: "bigint", nullable: false),
                    NoteId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AvailableAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PayoutId = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ModerationDecision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewableId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ModeratorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MuteDays = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    HideThreshold = table.Column<double>(type: "double precision", nullable: false),
                    IsAppealDecision = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppealText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewableId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ScreeningFlag",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewableId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Terms = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningFlag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningFlag_Reviewable_ReviewableId",
                        column: x => x.ReviewableId,
                        principalTable: "Reviewable",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BargainCuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BargainId = table.Column<long>(type: "bigint", nullable: false),
                    HelperId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FlashSaleQuotas",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlashSaleQuotas", x => new { x.ItemId, x.UserId });
                    table.ForeignKey(
                        name: "FK_FlashSaleQuotas_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FlashSaleQuotas_FlashSaleItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "FlashSaleItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlashSaleReservations",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlashSaleReservations", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_FlashSaleReservations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FlashSaleReservations_FlashSaleItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "FlashSaleItems",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FlashSaleReservations_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupBuyMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupBuyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupBuyMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupBuyMembers_GroupBuyGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "GroupBuyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupBuyMembers_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ModerationDecisionId",
                table: "Notifications",
                column: "ModerationDecisionId");

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

            migrationBuilder.CreateIndex(
                name: "IX_BehaviourEvents_Kind_OccurredAt",
                table: "BehaviourEvents",
                columns: new[] { "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BehaviourEvents_OccurredAt",
                table: "BehaviourEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_BehaviourEvents_UserId_OccurredAt",
                table: "BehaviourEvents",
                columns: new[] { "UserId", "OccurredAt" });

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
                name: "IX_Coupons_OrderId",
                table: "Coupons",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_TemplateId_State",
                table: "Coupons",
                columns: new[] { "TemplateId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_TemplateId_UserId_ClaimSeq",
                table: "Coupons",
                columns: new[] { "TemplateId", "UserId", "ClaimSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_UserId_State_ValidUntil",
                table: "Coupons",
                columns: new[] { "UserId", "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponTemplateProducts_ProductId",
                table: "CouponTemplateProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_CouponTemplates_CategoryId",
                table: "CouponTemplates",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_CouponTemplates_Paused_EndsAt",
                table: "CouponTemplates",
                columns: new[] { "Paused", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindingMembers_UserId",
                table: "EngagementFindingMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_Kind_Key",
                table: "EngagementFindings",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_Status_DetectedAt",
                table: "EngagementFindings",
                columns: new[] { "Status", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleItems_ProductId",
                table: "FlashSaleItems",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleItems_SkuId",
                table: "FlashSaleItems",
                column: "SkuId");

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleItems_SlotId_SkuId",
                table: "FlashSaleItems",
                columns: new[] { "SlotId", "SkuId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleQuotas_UserId",
                table: "FlashSaleQuotas",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleReservations_ItemId",
                table: "FlashSaleReservations",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleReservations_UserId",
                table: "FlashSaleReservations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FlashSaleSlots_EndsAt_StartsAt",
                table: "FlashSaleSlots",
                columns: new[] { "EndsAt", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyCampaigns_ProductId_EndsAt",
                table: "GroupBuyCampaigns",
                columns: new[] { "ProductId", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyCampaigns_SkuId",
                table: "GroupBuyCampaigns",
                column: "SkuId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyGroups_CampaignId_Status",
                table: "GroupBuyGroups",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyGroups_Status_Deadline",
                table: "GroupBuyGroups",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyMembers_GroupId_UserId",
                table: "GroupBuyMembers",
                columns: new[] { "GroupId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyMembers_OrderId",
                table: "GroupBuyMembers",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuyMembers_UserId_Status",
                table: "GroupBuyMembers",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GrowthEntries_OrderId",
                table: "GrowthEntries",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthEntries_OrderLineId",
                table: "GrowthEntries",
                column: "OrderLineId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthEntries_SourceKey",
                table: "GrowthEntries",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrowthEntries_UserId_Id",
                table: "GrowthEntries",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InviteBindings_BoundAt",
                table: "InviteBindings",
                column: "BoundAt");

            migrationBuilder.CreateIndex(
                name: "IX_InviteBindings_InviterId_BoundAt",
                table: "InviteBindings",
                columns: new[] { "InviterId", "BoundAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InviteCodes_Code",
                table: "InviteCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InviteRewards_InviterId",
                table: "InviteRewards",
                column: "InviterId");

            migrationBuilder.CreateIndex(
                name: "IX_InviteRewards_OrderId",
                table: "InviteRewards",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_InviteRewards_State_DueAt",
                table: "InviteRewards",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InviteVisits_InviterId_VisitorKey",
                table: "InviteVisits",
                columns: new[] { "InviterId", "VisitorKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberLevels_Rank",
                table: "MemberLevels",
                column: "Rank",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecision_ModeratorId",
                table: "ModerationDecision",
                column: "ModeratorId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecision_ReviewableId_Id",
                table: "ModerationDecision",
                columns: new[] { "ReviewableId", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PointsCheckIns_UserId_Day",
                table: "PointsCheckIns",
                columns: new[] { "UserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_OrderId",
                table: "PointsEntries",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_SourceKey",
                table: "PointsEntries",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_UserId_Id",
                table: "PointsEntries",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_UserId_Kind_Target",
                table: "RecommendationFeedback",
                columns: new[] { "UserId", "Kind", "Target" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningFlag_ReviewableId_Id",
                table: "ScreeningFlag",
                columns: new[] { "ReviewableId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningWord_CreatedById",
                table: "ScreeningWord",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningWord_Normalized",
                table: "ScreeningWord",
                column: "Normalized",
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
                name: "AlsoBought");

            migrationBuilder.DropTable(
                name: "AttributionTouches");

            migrationBuilder.DropTable(
                name: "BargainCuts");

            migrationBuilder.DropTable(
                name: "BehaviourEvents");

            migrationBuilder.DropTable(
                name: "CommissionEntries");

            migrationBuilder.DropTable(
                name: "CommissionProductRates");

            migrationBuilder.DropTable(
                name: "CouponTemplateProducts");

            migrationBuilder.DropTable(
                name: "Creators");

            migrationBuilder.DropTable(
                name: "EngagementFindingMembers");

            migrationBuilder.DropTable(
                name: "FlashSaleQuotas");

            migrationBuilder.DropTable(
                name: "FlashSaleReservations");

            migrationBuilder.DropTable(
                name: "GroupBuyMembers");

            migrationBuilder.DropTable(
                name: "GrowthEntries");

            migrationBuilder.DropTable(
                name: "InviteBindings");

            migrationBuilder.DropTable(
                name: "InviteCodes");

            migrationBuilder.DropTable(
                name: "InviteRewards");

            migrationBuilder.DropTable(
                name: "InviteVisits");

            migrationBuilder.DropTable(
                name: "MemberLevels");

            migrationBuilder.DropTable(
                name: "ModerationDecision");

            migrationBuilder.DropTable(
                name: "OrderLineAttributions");

            migrationBuilder.DropTable(
                name: "PersonalisationSettings");

            migrationBuilder.DropTable(
                name: "PointsAccounts");

            migrationBuilder.DropTable(
                name: "PointsCheckIns");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PointsRules");

            migrationBuilder.DropTable(
                name: "RecommendationFeedback");

            migrationBuilder.DropTable(
                name: "RedPacketSlots");

            migrationBuilder.DropTable(
                name: "ReferralSettings");

            migrationBuilder.DropTable(
                name: "Report");

            migrationBuilder.DropTable(
                name: "ScreeningFlag");

            migrationBuilder.DropTable(
                name: "ScreeningWord");

            migrationBuilder.DropTable(
                name: "ShareVisitCounts");

            migrationBuilder.DropTable(
                name: "UserSanction");

            migrationBuilder.DropTable(
                name: "Bargains");

            migrationBuilder.DropTable(
                name: "PayoutRequests");

            migrationBuilder.DropTable(
                name: "EngagementFindings");

            migrationBuilder.DropTable(
                name: "FlashSaleItems");

            migrationBuilder.DropTable(
                name: "GroupBuyGroups");

            migrationBuilder.DropTable(
                name: "Coupons");

            migrationBuilder.DropTable(
                name: "RedPackets");

            migrationBuilder.DropTable(
                name: "Reviewable");

            migrationBuilder.DropTable(
                name: "BargainCampaigns");

            migrationBuilder.DropTable(
                name: "FlashSaleSlots");

            migrationBuilder.DropTable(
                name: "GroupBuyCampaigns");

            migrationBuilder.DropTable(
                name: "CouponTemplates");

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
