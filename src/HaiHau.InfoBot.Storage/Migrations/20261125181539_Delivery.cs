using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Status_NextAttemptAt",
                table: "outbox");

            migrationBuilder.AddColumn<long>(
                name: "BroadcastId",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox",
                columns: new[] { "Channel", "Status", "Kind", "ChatId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "BroadcastId",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_NextAttemptAt",
                table: "outbox",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
