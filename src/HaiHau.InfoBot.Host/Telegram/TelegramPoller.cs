using System.Globalization;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace HaiHau.InfoBot.Host.Telegram;

/// <summary>
/// Polling mode: long-polls getUpdates and stores each update through the same <see cref="InboundAcceptor"/> as the
/// webhook. The offset is saved only after a batch is stored, so a restart neither loses updates (Telegram keeps
/// them until a later offset confirms them) nor repeats them (a re-delivered message is a duplicate in the inbox).
/// Not Telegram.Bot's own receiver: that one confirms an update before its handler has stored it.
/// </summary>
public sealed class TelegramPoller(
    ITelegramBotClient bot,
    IOptions<TelegramOptions> options,
    ChannelStateStore state,
    InboundAcceptor acceptor,
    TelegramStatus status,
    HostRoles roles,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    public const string OffsetKey = "offset";

    public const int BatchSize = 100;

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Raised after each answered poll, with how many updates it stored (tests wait on it instead of sleeping).</summary>
    public event Action<int>? Polled;

    /// <summary>Raised when a failed poll's wait has begun on the clock, with its length (tests move the fake clock on it).</summary>
    public event Action<TimeSpan>? BackingOff;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Telegram allows one poller per bot: among several hosts (PostgreSQL) only the role's holder polls,
                // and another host takes over within HostRoles.Retry when it stops.
                if (await roles.HoldAsync(HostRoles.TelegramPolling, stoppingToken) == RoleHold.Elsewhere)
                {
                    await Task.Delay(HostRoles.Retry, time, stoppingToken);
                    continue;
                }

                await PollWhileHeldAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task PollWhileHeldAsync(CancellationToken stoppingToken)
    {
        // Read after taking the role: the previous poller may have moved the offset on.
        var offset = await ReadOffsetAsync(stoppingToken);
        await ReleaseWebhookAsync(stoppingToken);
        var retry = PollRetry();
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One answered poll per run of the pipeline: its failures in a row, and so its back-off, start afresh after it.
                // The role is checked inside it, so a database that is briefly away is retried like a failed poll.
                var stored = await retry.ExecuteAsync(
                    async ct =>
                    {
                        if (!first && await roles.HoldAsync(HostRoles.TelegramPolling, ct) == RoleHold.Elsewhere)
                        {
                            return (int?)null;
                        }

                        first = false;
                        var updates = await bot.GetUpdates(
                            offset, limit: BatchSize, timeout: options.Value.PollTimeoutSeconds, allowedUpdates: TelegramMapping.WantedUpdates, cancellationToken: ct);
                        offset = await StoreAsync(updates, offset, ct);
                        return updates.Length;
                    },
                    stoppingToken);
                if (stored is not { } count)
                {
                    return; // this host lost its database session, and with it the role
                }

                status.PollWorked();
                Polled?.Invoke(count);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping: the pending long poll or back-off is abandoned, nothing was confirmed by it
            }
        }
    }

    /// <summary>
    /// The poll's retry (Polly, on the injected clock): every fault is tried again for as long as the host runs, waiting
    /// 1, 2, 4 … seconds up to a minute, or the retry_after Telegram gives with a 429. A poll is always safe to repeat:
    /// the offset is stored only once a batch is, so a repeat fetches the same updates and the inbox drops duplicates.
    /// </summary>
    private ResiliencePipeline PollRetry() => new ResiliencePipelineBuilder { TimeProvider = new WaitStartedClock(time, delay => BackingOff?.Invoke(delay)) }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = FirstBackoff,
            MaxDelay = MaxBackoff,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null),
            OnRetry = args =>
            {
                status.PollFailed();
                if (args.Outcome.Exception is ApiRequestException { ErrorCode: 409 })
                {
                    logger.LogError("Telegram refuses polling: another instance polls with this token, or a webhook was set again");
                }

                logger.LogWarning("Telegram poll failed ({Failures} in a row), next try in {Seconds} s: {Error}",
                    args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, Describe(args.Outcome.Exception!));
                return default;
            },
        })
        .Build();

    private async Task<int?> StoreAsync(Update[] updates, int? offset, CancellationToken ct)
    {
        if (updates.Length == 0)
        {
            return offset;
        }

        var now = time.GetUtcNow();
        foreach (var update in updates)
        {
            switch (TelegramMapping.Read(update, now))
            {
                case WebhookResult.Accepted accepted:
                    await acceptor.AcceptAsync(accepted, ct);
                    break;
                case WebhookResult.Ignored { Reason: var reason } when reason.StartsWith(TelegramMapping.Malformed, StringComparison.Ordinal):
                    // A poison update is skipped: the offset below still passes it, so polling never stalls on it.
                    logger.LogWarning("Telegram update {UpdateId} skipped: {Reason}", update.Id, reason);
                    break;
                case WebhookResult.Ignored ignored:
                    logger.LogDebug("Telegram update ignored: {Reason}", ignored.Reason);
                    break;
            }
        }

        // Written after the whole batch is stored; the next getUpdates with it confirms the batch to Telegram.
        var next = updates.Max(u => u.Id) + 1;
        await state.SetAsync(TelegramMapping.Channel, OffsetKey, next.ToString(CultureInfo.InvariantCulture), ct);
        return next;
    }

    private async Task<int?> ReadOffsetAsync(CancellationToken ct)
    {
        var stored = await state.GetAsync(TelegramMapping.Channel, OffsetKey, ct);
        return int.TryParse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) ? offset : null;
    }

    /// <summary>getUpdates refuses to work while a webhook is set; the operator chose polling, so the webhook goes.</summary>
    private async Task ReleaseWebhookAsync(CancellationToken ct)
    {
        try
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Telegram deleteWebhook before polling failed: {Error}", Describe(ex));
        }
    }

    private string Describe(Exception error) => error is ApiRequestException api
        ? $"{api.ErrorCode} {TelegramClient.Redact(api.Message, options.Value)}"
        : $"{error.GetType().Name}: {TelegramClient.Redact(error.Message, options.Value)}";
}
