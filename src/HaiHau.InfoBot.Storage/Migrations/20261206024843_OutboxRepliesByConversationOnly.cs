using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxRepliesByConversationOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_ChatId_Id",
                table: "outbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_ChatId_Id",
                table: "outbox",
                columns: new[] { "Channel", "ChatId", "Id" });
        }
    }
}
