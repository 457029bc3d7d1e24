using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>Inbound limits per client address. Bound from "InfoBot:RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "InfoBot:RateLimits";

    /// <summary>New web chat conversations one address may start per minute (each one is a stored conversation).</summary>
    [Range(1, 10_000)]
    public int ConversationStartsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts one address may post per 15 minutes, whatever the accounts tried.</summary>
    [Range(5, 10_000)]
    public int LoginAttemptsPer15Minutes { get; set; } = 30;
}

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by client address (issue 14), on the two endpoints a stranger can make
/// the bot do work with: starting a web chat conversation and posting the sign-in form. The address is the one
/// Kestrel saw (or the forwarded one, when a known proxy sent it); a request with none (only in-process) is not limited.
/// </summary>
public static class RateLimits
{
    public const string WebChatStartPath = "/api/webchat/conversations";

    public const string LoginPath = "/admin/login";

    public static IServiceCollection AddInfoBotRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OfficerConsole.LoginThrottle>();
        services.AddSingleton<OfficerConsole.LoginTimingEqualiser>();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<InboundLimiter>();
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<InboundLimiter>((limiter, inbound) =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.GlobalLimiter = inbound.Limiter;
                limiter.OnRejected = async (context, ct) =>
                {
                    var response = context.HttpContext.Response;
                    response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                        ? ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : "60";
                    const string Message = "Bác thao tác nhanh quá. Bác đợi một lát rồi thử lại nhé.";
                    if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                    {
                        await response.WriteAsJsonAsync(new { error = Message }, ct);
                    }
                    else
                    {
                        response.ContentType = "text/plain; charset=utf-8";
                        await response.WriteAsync(Message, ct);
                    }
                };
            });
        return services;
    }

    /// <summary>
    /// The partitioned limiter, owned by the container so that it goes when the host stops. It keeps a timer that
    /// wakes ten times a second to retire idle partitions, and nothing else disposes it: ASP.NET Core's middleware only
    /// borrows it from <c>RateLimiterOptions</c>. Made there, every host a process ever started kept its timer running
    /// (the test process starts some 270 hosts; issue 15, the suite's time).
    /// </summary>
    internal sealed class InboundLimiter(IOptions<RateLimitOptions> settings) : IDisposable
    {
        public PartitionedRateLimiter<HttpContext> Limiter { get; } =
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, settings.Value));

        public void Dispose() => Limiter.Dispose();
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (address is null || !HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var path = http.Request.Path;
        if (path.Equals(WebChatStartPath, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("start|" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.ConversationStartsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        if (path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("login|" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.LoginAttemptsPer15Minutes,
                Window = TimeSpan.FromMinutes(15),
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }
}
