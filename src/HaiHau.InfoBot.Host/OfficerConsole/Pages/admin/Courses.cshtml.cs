using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Host.Exports;
using HaiHau.InfoBot.Host.OfficerConsole.Listings;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Officers and admins: vocational courses, as the jobs page, plus the residents who registered interest in a course
/// (with their consent) and their export. Only what is stored is shown: channel, consent time, commune and register
/// household code when the resident's registration gives them; never what they wrote.
/// </summary>
[Authorize(Roles = ConsoleRoles.Officer + "," + ConsoleRoles.Admin)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class CoursesModel(ListingConsoleStore console, ListingStore store, ListingSnapshot snapshot, ListingNews news, IContentStore content, TimeProvider time, AuditLog audit)
    : ListingsPageModel(console, store, snapshot, news, content, time)
{
    private static readonly string[] LeadHeaders = ["Kênh", "Thời điểm đồng ý (giờ Việt Nam)", "Xã/thị trấn", "Mã hộ"];

    public override ListingKind Kind => ListingKind.Course;

    /// <summary>The course whose interested residents are shown (GET ?leads=CODE).</summary>
    public ListingEntry? LeadsCourse { get; private set; }

    public IReadOnlyList<CourseLeadEntry> Leads { get; private set; } = [];

    public async Task OnGetLeadsAsync(string code, CancellationToken ct)
    {
        await LoadAsync(ct);
        LeadsCourse = ManagedEntry(code);
        Leads = LeadsCourse is null ? [] : await ConsoleStore.LeadsAsync(code, ct);
    }

    public async Task<IActionResult> OnPostExportLeadsAsync(string code, string? format, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ManagedEntry(code) is null)
        {
            return NotFound();
        }

        var leads = await ConsoleStore.LeadsAsync(code, ct);
        var rows = leads.Select(l => new[] { ChannelLabel(l.Channel), LocalTime(l.ConsentedAt), l.CommuneCode is null ? "" : CommuneName(l.CommuneCode), l.HouseholdCode ?? "" }).ToList();
        await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.CourseLeadsExported, "course", code, Scope,
            $"{rows.Count} người đăng ký, {(format == "xlsx" ? "xlsx" : "csv")}"), ct);
        var name = $"nguoi-dang-ky-{code}";
        if (format == "xlsx")
        {
            var sheet = SafeCells.Rows(rows.Select(r => LeadHeaders.Select((h, i) => new KeyValuePair<string, object?>(h, r[i]))));
            var output = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(output, sheet, excelType: MiniExcelLibs.ExcelType.XLSX);
            output.Position = 0;
            return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        // With a byte-order mark, so Excel opens the Vietnamese letters right.
        var csv = new StringBuilder().AppendCsvLine(LeadHeaders);
        foreach (var row in rows)
        {
            csv.AppendCsvLine(row);
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    public static string ChannelLabel(string channel) => ConsoleLabels.Channel(channel);

    public static string LocalTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
