using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage.Audit;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// GET /api/admin/stats?from=2026-11-01&amp;to=2026-11-30[&amp;commune=…][&amp;year=…][&amp;format=json|csv|xlsx]: the «Thống kê»
/// figures for CommunicationStaff and officers, as the page shows them. A commune officer gets their commune only;
/// asking for another is refused (403), checked here on the server. Exports are audited.
/// </summary>
public static class StatsApi
{
    /// <summary>snake_case keys: period, conversations, residents, messages_by_channel … (issue 13 §2).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese stays readable
    };

    /// <summary>Needs <see cref="ReachApi.AddInfoBotReach"/> too (the reach figures are the reach report's).</summary>
    public static IServiceCollection AddInfoBotStats(this IServiceCollection services)
    {
        services.AddSingleton<StatsLabels>();
        services.AddSingleton<StatsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInfoBotStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/stats", GetAsync).RequireAuthorization(ConsoleRoles.ReportsPolicy);
        return app;
    }

    public sealed record Parsed(StatsQuery? Query, string? Error, bool Forbidden = false);

    /// <summary>
    /// Reads the period (default: this month so far) and the commune. <paramref name="scope"/> is the account's own
    /// commune: it always wins, and naming another is forbidden.
    /// </summary>
    public static Parsed Parse(string? from, string? to, string? commune, int? year, string? scope, IContentStore content, DateOnly today)
    {
        DateOnly start, end;
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            (start, end) = (StatsQuery.Month(today).From, today);
        }
        else if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
                 || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return new Parsed(null, "Ngày bắt đầu và kết thúc phải có dạng năm-tháng-ngày, ví dụ 2026-11-01.");
        }

        if (end < start)
        {
            return new Parsed(null, "Ngày kết thúc phải sau ngày bắt đầu.");
        }

        if (end.DayNumber - start.DayNumber > 3660)
        {
            return new Parsed(null, "Kỳ báo cáo dài nhất là 10 năm.");
        }

        string? only = null;
        if (!string.IsNullOrWhiteSpace(commune) && (only = content.FindCommune(commune)?.Code) is null)
        {
            return new Parsed(null, $"Không tìm thấy xã «{commune}».");
        }

        if (scope is not null && only is not null && only != scope)
        {
            return new Parsed(null, "Tài khoản của bác chỉ xem được số liệu của xã mình.", Forbidden: true);
        }

        return new Parsed(new StatsQuery(start, end, scope ?? only, year), null);
    }

    /// <summary>The commune an account is limited to, as today's code (a claim written under a former code still counts).</summary>
    public static string? Scope(ClaimsPrincipal user, IContentStore content) =>
        user.Commune() is { } claim ? content.FindCommune(claim)?.Code ?? claim : null;

    private static async Task<IResult> GetAsync(
        HttpContext http, string? from, string? to, string? commune, int? year, string? format,
        StatsService stats, IContentStore content, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var parsed = Parse(from, to, commune, year, Scope(http.User, content), content, StatsQuery.Today(time));
        if (parsed.Query is not { } query)
        {
            return parsed.Forbidden ? Results.Json(new { error = parsed.Error }, statusCode: StatusCodes.Status403Forbidden) : Results.BadRequest(new { error = parsed.Error });
        }

        if (format is not (null or "" or "json" or "csv" or "xlsx"))
        {
            return Results.BadRequest(new { error = "Định dạng phải là json, csv hoặc xlsx." });
        }

        var report = await stats.RunAsync(query, ct);
        if (format is null or "" or "json")
        {
            return Results.Json(report, Json);
        }

        var name = FileName(query);
        await audit.AppendAsync(new AuditEntry(http.User.Id(), http.User.Who(), AuditActions.ReportExported, "report", $"engagement {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} {format}", query.Commune), ct);
        return format == "csv"
            ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(StatsExports.Csv(report))).ToArray(), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(StatsExports.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    public static string FileName(StatsQuery q) => $"thong-ke-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}" + (q.Commune is { } c ? "-" + c : "");
}
