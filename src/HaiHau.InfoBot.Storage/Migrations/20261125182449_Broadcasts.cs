using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", nullable: true),
                    SegmentJson = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Targeted = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcasts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_ConversationId",
                table: "outbox",
                columns: new[] { "BroadcastId", "ConversationId" },
                unique: true,
                filter: "BroadcastId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_State_ScheduledAt",
                table: "broadcasts",
                columns: new[] { "State", "ScheduledAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_outbox_broadcasts_BroadcastId",
                table: "outbox",
                column: "BroadcastId",
                principalTable: "broadcasts",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_outbox_broadcasts_BroadcastId",
                table: "outbox");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_ConversationId",
                table: "outbox");
        }
    }
}
