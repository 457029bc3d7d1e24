using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Reach;

/// <summary>
/// GET /api/admin/reports/reach?from=2022-01-01&amp;to=2022-12-31[&amp;year=2022][&amp;format=json|csv|xlsx][&amp;byFormerUnit=true]: the reach
/// report for CommunicationStaff and officers (a commune officer gets their commune only). Exports are audited.
/// byFormerUnit lines an old list up by the units it named (see <see cref="ReachQuery"/>).
/// </summary>
public static class ReachApi
{
    public static IServiceCollection AddInfoBotReach(this IServiceCollection services)
    {
        services.AddSingleton<ReachReport>();
        services.AddSingleton<ReachRebuild>();
        services.AddSingleton<ReachPresenter>();
        services.AddHostedService<ReachWarmUp>();
        return services;
    }

    public static IEndpointRouteBuilder MapInfoBotReach(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/reports/reach", GetAsync).RequireAuthorization(ConsoleRoles.ReportsPolicy);
        return app;
    }

    /// <summary>Reads from/to/year; the list year defaults to the year of "from". Null with a Vietnamese reason when invalid.</summary>
    public static (ReachQuery? Query, string? Error) Parse(string? from, string? to, int? year, string? commune, bool byFormerUnit = false)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return (null, "Ngày bắt đầu và kết thúc phải có dạng năm-tháng-ngày, ví dụ 2022-01-01.");
        }

        return end < start ? (null, "Ngày kết thúc phải sau ngày bắt đầu.") : (new ReachQuery(start, end, year ?? start.Year, commune, byFormerUnit), null);
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, string? from, string? to, int? year, string? format, bool? byFormerUnit,
        ReachReport report, ReachPresenter presenter, IContentStore content, AuditLog audit, CancellationToken ct)
    {
        var (query, error) = Parse(from, to, year, http.User.Commune(), byFormerUnit ?? false);
        if (query is null)
        {
            return Results.BadRequest(new { error });
        }

        var result = await report.RunAsync(query, content.Communes.Select(c => c.Code).ToList(), ct);
        var name = $"tiep-can-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}";
        switch (format)
        {
            case null or "" or "json":
                return Results.Json(presenter.Json(result));
            case "csv" or "xlsx":
                await audit.AppendAsync(new AuditEntry(http.User.Id(), http.User.Who(), AuditActions.ReportExported, "report", $"reach {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} {format}", query.Commune), ct);
                return format == "csv"
                    ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(presenter.Csv(result))).ToArray(), "text/csv; charset=utf-8", name + ".csv")
                    : Results.File(presenter.Xlsx(result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default:
                return Results.BadRequest(new { error = "Định dạng phải là json, csv hoặc xlsx." });
        }
    }
}
