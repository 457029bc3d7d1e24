using System.Text;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Listings;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using MiniExcelLibs;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// The defect the attack run found (issue 14): a household code «=HYPERLINK(…)» came out of the course-leads CSV as a
/// live formula. Imports now refuse such a code, but one stored before (or by another path) is still neutralised in
/// both formats of the export.
/// </summary>
public sealed class CourseLeadsExportTests : HostTestBase
{
    private const string Formula = "=HYPERLINK(\"http://x.test\",\"Xem\")";

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_household_code_that_is_a_formula_comes_out_as_plain_text(string format)
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Course("KH-01", "hai-an"));
        var lead = await ListingSeed.ConversationAsync(app, "zalo", "zalo-user-1");
        await using (var db = await ListingSeed.Factory(app).CreateDbContextAsync())
        {
            var household = new HouseholdRecord { Code = Formula, CreatedAt = ListingSeed.Morning };
            db.Households.Add(household);
            db.CourseLeads.Add(new CourseLeadRecord { ConversationId = lead, CourseCode = "KH-01", ConsentedAt = ListingSeed.Morning });
            db.ResidentProfiles.Add(new ResidentProfileRecord
            {
                ConversationId = lead, Channel = "zalo", CommuneCode = "hai-an", Household = household, CreatedAt = ListingSeed.Morning, UpdatedAt = ListingSeed.Morning,
            });
            await db.SaveChangesAsync();
        }

        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");

        var export = await officer.PostFormAsync("/admin/courses?handler=ExportLeads", new Dictionary<string, string> { ["code"] = "KH-01", ["format"] = format }, tokenFrom: "/admin/courses?handler=Leads&code=KH-01");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var code = format == "csv"
            ? Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n")[1].Split("Xã Hải An,")[1]
            : (string)MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["Mã hộ"]!;
        Assert.Equal(format == "csv" ? "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Xem\"\")\"" : "'" + Formula, code);
    }
}
