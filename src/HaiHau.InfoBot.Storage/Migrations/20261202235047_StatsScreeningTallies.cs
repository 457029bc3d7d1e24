using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaiHau.InfoBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StatsScreeningTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screening_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_screening_tallies_Day_CommuneCode_Result",
                table: "screening_tallies",
                columns: new[] { "Day", "CommuneCode", "Result" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screening_tallies");
        }
    }
}
