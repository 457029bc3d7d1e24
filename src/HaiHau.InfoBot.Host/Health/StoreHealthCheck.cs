using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>Readiness of the store: a real query, not just an open file (the schema must be there too).</summary>
internal sealed class StoreHealthCheck(IDbContextFactory<InfoBotDbContext> factory) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await StoreProbe.ReadAsync(db, cancellationToken);
            return HealthCheckResult.Healthy("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type only: its message may name the file path, which /health/ready need not show.
            return HealthCheckResult.Unhealthy("failing", data: new Dictionary<string, object> { ["error"] = ex.GetType().Name });
        }
    }
}
