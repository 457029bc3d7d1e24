using System.Globalization;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Options;
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

    /// <summary>Raised when a failed poll's wait has begun, with its length (tests move the fake clock on it).</summary>
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
        var failures = 0;
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!first && await roles.HoldAsync(HostRoles.TelegramPolling, stoppingToken) == RoleHold.Elsewhere)
                {
                    return; // this host lost its database session, and with it the role
                }

                first = false;
                var updates = await bot.GetUpdates(
                    offset, limit: BatchSize, timeout: options.Value.PollTimeoutSeconds, allowedUpdates: TelegramMapping.WantedUpdates, cancellationToken: stoppingToken);
                offset = await StoreAsync(updates, offset, stoppingToken);
                failures = 0;
                status.PollWorked();
                Polled?.Invoke(updates.Length);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping: the pending long poll is abandoned, nothing was confirmed by it
            }
            catch (Exception ex)
            {
                failures++;
                status.PollFailed();
                var wait = WaitAfter(ex, failures);
                logger.LogWarning("Telegram poll failed ({Failures} in a row), next try in {Seconds} s: {Error}",
                    failures, wait.TotalSeconds, Describe(ex));
                if (!await WaitAsync(wait, stoppingToken))
                {
                    return;
                }
            }
        }
    }

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

    private TimeSpan WaitAfter(Exception error, int failures)
    {
        if (error is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds })
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (error is ApiRequestException { ErrorCode: 409 })
        {
            logger.LogError("Telegram refuses polling: another instance polls with this token, or a webhook was set again");
        }

        var backoff = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 10));
        return backoff > MaxBackoff ? MaxBackoff : backoff;
    }

    /// <summary>Waits on the injected clock; false when the host is stopping.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            var wait = Task.Delay(delay, time, ct);
            BackingOff?.Invoke(delay);
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string Describe(Exception error) => error is ApiRequestException api
        ? $"{api.ErrorCode} {TelegramClient.Redact(api.Message, options.Value)}"
        : $"{error.GetType().Name}: {TelegramClient.Redact(error.Message, options.Value)}";
}
