using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class QueueIndexesSkipSettledRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_inbox_Status_Id",
                table: "inbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" },
                filter: "BroadcastId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Status_Id",
                table: "inbox",
                columns: new[] { "Status", "Id" },
                filter: "Status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_inbox_Status_Id",
                table: "inbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Status_Id",
                table: "inbox",
                columns: new[] { "Status", "Id" });
        }
    }
}
