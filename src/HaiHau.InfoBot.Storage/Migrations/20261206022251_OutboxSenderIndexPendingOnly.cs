using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSenderIndexPendingOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_SentAt",
                table: "outbox",
                columns: new[] { "Channel", "SentAt" },
                filter: "Channel = 'zalo-zns' AND Status = 1");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox",
                columns: new[] { "Channel", "Status", "Kind", "ChatId" },
                filter: "Status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_SentAt",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_Status_Kind_ChatId",
                table: "outbox",
                columns: new[] { "Channel", "Status", "Kind", "ChatId" });
        }
    }
}
