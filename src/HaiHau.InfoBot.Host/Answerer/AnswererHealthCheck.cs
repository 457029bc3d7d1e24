using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// The answerer on /health/ready (and its state on /health). Never unhealthy: when the model fails every question
/// still gets its retrieval answer, so the bot is ready; a failing answerer is "degraded" for the operator to see.
/// </summary>
public sealed class AnswererHealthCheck(AnswererState state) : IHealthCheck
{
    public const string Name = "answerer";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            [Health.ChannelHealthCheck.StateKey] = state.State,
            ["composed"] = state.Composed,
            ["rejected"] = state.Rejected,
            ["failed"] = state.Failed,
        };
        if (state.LastFailure is { } failure)
        {
            data["last_failure"] = failure;
        }

        return Task.FromResult(state.State == AnswererState.Ok
            ? HealthCheckResult.Healthy(state.State, data)
            : HealthCheckResult.Degraded(state.State, data: data));
    }
}
