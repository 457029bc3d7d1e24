using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>The readiness report as JSON an operator reads: each check by name, its status, why, and its figures.</summary>
internal static class HealthJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = Word(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = Word(e.Value.Status), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    public static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
