using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Stats;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// «Thống kê» for CommunicationStaff and officers: the period's figures with charts, compared with the previous
/// period; a commune officer sees their commune only (enforced in <see cref="StatsApi.Parse"/>). The printable
/// monthly report (<see cref="StatsPrintModel"/>) reads the same model.
/// </summary>
[Authorize(Policy = ConsoleRoles.ReportsPolicy)]
public class StatsModel(StatsService stats, IContentStore content, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    public StatsReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The account's own commune, or null for a district-wide account (who may pick one).</summary>
    public string? Scope { get; private set; }

    public IReadOnlyList<Commune> Communes => content.Communes;

    /// <summary>Quick periods: this month, last month, this quarter, last quarter (Vietnam calendar).</summary>
    public IReadOnlyList<(string Label, string From, string To)> Periods { get; private set; } = [];

    /// <summary>The query string of the shown period (for exports, the print page, the quick links).</summary>
    public string Query(string? from = null, string? to = null) =>
        $"from={from ?? Report?.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to ?? Report?.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (Scope is null && Report?.Period.Commune is { } c ? "&commune=" + c : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = StatsQuery.Today(time);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = StatsQuery.Month(today);
        var lastMonth = StatsQuery.Month(month.From.AddDays(-1));
        var quarter = StatsQuery.Quarter(today);
        var lastQuarter = StatsQuery.Quarter(quarter.From.AddDays(-1));
        Periods =
        [
            ("Tháng này", D(month.From), D(today)),
            ($"Tháng {lastMonth.From.Month}/{lastMonth.From.Year}", D(lastMonth.From), D(lastMonth.To)),
            ("Quý này", D(quarter.From), D(today)),
            ($"Quý {((lastQuarter.From.Month - 1) / 3) + 1}/{lastQuarter.From.Year}", D(lastQuarter.From), D(lastQuarter.To)),
        ];
        Scope = StatsApi.Scope(User, content);
        var parsed = StatsApi.Parse(From, To, Commune, null, Scope, content, today);
        if (parsed.Forbidden)
        {
            return Forbid();
        }

        Error = parsed.Error;
        if (parsed.Query is { } query)
        {
            Report = await stats.RunAsync(query, ct);
            From = D(query.From);
            To = D(query.To);
        }

        return Page();
    }
}

/// <summary>The monthly report to print (or save as PDF from the browser): the same figures, definitions, the target.</summary>
[Authorize(Policy = ConsoleRoles.ReportsPolicy)]
public sealed class StatsPrintModel(StatsService stats, IContentStore content, TimeProvider time) : StatsModel(stats, content, time);
