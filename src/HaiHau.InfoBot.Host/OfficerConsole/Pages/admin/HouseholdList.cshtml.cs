using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Officer: the year's households with filters «đã liên kết» and «đã tiếp cận» for a period, and the export of those
/// not yet reached (issue 13 §5), made for a phone. A commune officer sees only their commune.
/// </summary>
[Authorize(Policy = ConsoleRoles.OfficerPolicy)]
public sealed class HouseholdListModel(
    HouseholdFollowUp followUp, IDbContextFactory<InfoBotDbContext> factory, IContentStore content, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>Rows shown on the page at most; the export has them all.</summary>
    public const int Shown = 300;

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>"yes", "no" or "" (either).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Linked { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reached { get; set; }

    [BindProperty(SupportsGet = true, Name = "xa")]
    public string? CommuneFilter { get; set; }

    public string? Scope => User.Commune();

    public IEnumerable<Commune> Communes => content.Communes;

    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    /// <summary>The current filters as a query string, for the export links.</summary>
    public string QueryString(string format) =>
        $"handler=Export&format={format}&year={Year}&from={From}&to={To}&linked={Uri.EscapeDataString(Linked ?? "")}&xa={Uri.EscapeDataString(CommuneFilter ?? "")}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = await QueryAsync(ct);
        Rows = query is null ? [] : await followUp.ListAsync(query, ct);
    }

    /// <summary>The households not yet reached in the period (the linked filter and commune still apply), as CSV or XLSX; audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        Reached = "no";
        var query = await QueryAsync(ct);
        if (query is null)
        {
            return BadRequest(Error ?? "");
        }

        var rows = await followUp.ListAsync(query, ct);
        var kind = format == "xlsx" ? "xlsx" : "csv";
        await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.ReportExported, "report",
            $"hộ chưa tiếp cận {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} {kind}", query.Commune, $"{rows.Count} hộ, danh sách năm {query.Year}"), ct);
        var name = $"ho-chua-tiep-can-{query.Year}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}";
        return kind == "xlsx"
            ? File(HouseholdFollowUp.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(HouseholdFollowUp.Csv(rows))).ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<FollowUpQuery?> QueryAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ReachDay.Vietnam).DateTime);
        if (Year == 0)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            Year = await db.RegisterEntries.MaxAsync(e => (int?)e.Year, ct) ?? today.Year;
        }

        From = string.IsNullOrEmpty(From) ? new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : From;
        To = string.IsNullOrEmpty(To) ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : To;
        var (period, error) = ReachApi.Parse(From, To, Year, null);
        if (period is null)
        {
            Error = error;
            return null;
        }

        // A commune officer's own commune, whatever the form says; a district account may narrow to one.
        var commune = Scope ?? (string.IsNullOrEmpty(CommuneFilter) ? null : content.FindCommune(CommuneFilter)?.Code);
        return new FollowUpQuery(Year, period.From, period.To, commune, YesNo(Linked), YesNo(Reached));
    }

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
