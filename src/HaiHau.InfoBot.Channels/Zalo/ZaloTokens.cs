using HaiHau.InfoBot.Core.Channels;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>An access token to send with, or what the send should report instead.</summary>
public sealed record TokenLease(string? AccessToken, SendResult? Instead);

/// <summary>
/// Keeps the OA's access token fresh (channels.md §C.5). The access token lasts about 25 hours and the refresh token
/// works once, so: refresh early, one refresh at a time, store the new pair before using it, and never try again a
/// refresh whose result is unknown — the token may be spent, and a second try would only confuse what went wrong.
/// Then the channel is "reauth_required" until an operator configures new tokens.
/// </summary>
public sealed class ZaloTokens(ZaloOptions options, IZaloTokenStore store, ZaloOAuthClient oauth, TimeProvider time, ILogger<ZaloTokens> logger)
    : IDisposable
{
    /// <summary>How long sends pause while the tokens need a person; they go out once new tokens are configured.</summary>
    public static readonly TimeSpan ReauthPause = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    public bool ReauthRequired => _current?.Pair.ReauthRequired ?? false;

    /// <summary>How long a refresh claim holds before its process is taken to have stopped mid-refresh.</summary>
    public static readonly TimeSpan RefreshClaim = TimeSpan.FromMinutes(1);

    /// <summary>Another process is refreshing: the channel pauses briefly, then sends with the pair it stored.</summary>
    private static SendResult OtherHostRefreshing => new SendResult.RetryAfter(TimeSpan.FromSeconds(10), "token refresh by another host");

    private static SendResult Reauth => new SendResult.RetryAfter(ReauthPause, "reauth_required");

    /// <summary>Loads the stored pair, or seeds it from configuration (the first run, or new tokens configured).</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await LoadLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The token to send with, refreshed first when it is about to expire.</summary>
    public async Task<TokenLease> GetAsync(CancellationToken ct)
    {
        if (_current is { } known && Usable(known.Pair))
        {
            return new TokenLease(known.Pair.AccessToken, null);
        }

        await _gate.WaitAsync(ct);
        try
        {
            var current = await LoadLockedAsync(ct);
            if (current.Pair.ReauthRequired)
            {
                return new TokenLease(null, Reauth);
            }

            return Usable(current.Pair)
                ? new TokenLease(current.Pair.AccessToken, null)
                : await RefreshLockedAsync(current, current.Pair.AccessToken.Length == 0 ? "no access token yet" : "access token about to expire", ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Zalo refused <paramref name="rejected"/> (-216/-220): refresh once, unless another send already did.</summary>
    public async Task<TokenLease> RenewAsync(string rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = await LoadLockedAsync(ct);
            if (current.Pair.ReauthRequired)
            {
                return new TokenLease(null, Reauth);
            }

            return current.Pair.AccessToken != rejected
                ? new TokenLease(current.Pair.AccessToken, null)
                : await RefreshLockedAsync(current, "access token refused by Zalo", ct, rejected);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Even a freshly refreshed token was refused: nothing more the bot can do alone.</summary>
    public async Task<SendResult> GiveUpAsync(string reason, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await MarkReauthLockedAsync(await LoadLockedAsync(ct), reason, ct);
            return Reauth;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool Usable(ZaloTokenPair pair) =>
        !pair.ReauthRequired && pair.AccessToken.Length > 0
        && (pair.ExpiresAt is not { } expires || expires - time.GetUtcNow() > options.RefreshBefore);

    /// <summary>
    /// Several hosts share the stored pair (PostgreSQL), and the refresh token works once. So before spending it the
    /// refresh is claimed with a compare-and-set on the stored value: only the host whose claim replaced the pair it
    /// read refreshes; the others use the pair it stores, or wait <see cref="OtherHostRefreshing"/> while it works.
    /// A claim older than <see cref="RefreshClaim"/> means its host stopped mid-refresh: the result is unknown, so
    /// the channel needs a person (as for any refresh whose result is unknown).
    /// </summary>
    private async Task<TokenLease> RefreshLockedAsync(Snapshot current, string why, CancellationToken ct, string? rejected = null)
    {
        var json = await store.LoadAsync(ct);
        if (json is not null && json != current.Json && ZaloTokenPair.FromJson(json) is { } stored && stored.Seed == current.Pair.Seed)
        {
            // Another host wrote the pair since this one read it: theirs is the newest.
            current = new Snapshot(stored, json);
            _current = current;
            if (stored.ReauthRequired)
            {
                return new TokenLease(null, Reauth);
            }

            if (stored.RefreshingSince is null && Usable(stored) && stored.AccessToken != rejected)
            {
                return new TokenLease(stored.AccessToken, null);
            }
        }

        if (current.Pair.RefreshingSince is { } since)
        {
            if (time.GetUtcNow() - since < RefreshClaim)
            {
                return new TokenLease(null, OtherHostRefreshing);
            }

            await MarkReauthLockedAsync(current, "refresh result unknown: the process refreshing stopped", ct);
            return new TokenLease(null, Reauth);
        }

        var claim = current.Pair with { RefreshingSince = time.GetUtcNow() };
        var claimJson = claim.ToJson();
        if (!await store.CompareAndSetAsync(current.Json, claimJson, ct))
        {
            _current = null; // read the stored pair again next time
            return new TokenLease(null, OtherHostRefreshing);
        }

        current = new Snapshot(claim, claimJson);
        logger.LogInformation("Zalo: refreshing the access token ({Why})", why);
        switch (await oauth.RefreshAsync(current.Pair.RefreshToken, ct))
        {
            case RefreshOutcome.Renewed renewed:
                var next = current.Pair with
                {
                    AccessToken = renewed.AccessToken,
                    RefreshToken = renewed.RefreshToken,
                    ExpiresAt = time.GetUtcNow() + renewed.ExpiresIn,
                    Problem = null,
                    RefreshingSince = null,
                };
                await SaveLockedAsync(current, next, ct);
                logger.LogInformation("Zalo: new token pair stored; the access token lasts {Lifetime}", renewed.ExpiresIn);
                return new TokenLease(next.AccessToken, null);
            case RefreshOutcome.RateLimited:
                logger.LogWarning("Zalo: token refresh refused for the call limit (-32); the refresh token is still good");
                await SaveLockedAsync(current, current.Pair with { RefreshingSince = null }, ct); // the claim ends unspent
                return new TokenLease(null, new SendResult.RetryAfter(ZaloErrors.RateLimitPause, "-32: token refresh rate limited"));
            case RefreshOutcome.Rejected refused:
                await MarkReauthLockedAsync(current, "refresh refused: " + refused.Reason, ct);
                return new TokenLease(null, Reauth);
            case RefreshOutcome.Unknown unknown:
                await MarkReauthLockedAsync(current, "refresh result unknown: " + unknown.Reason, ct);
                return new TokenLease(null, Reauth);
            default:
                throw new InvalidOperationException("unknown refresh outcome");
        }
    }

    private async Task MarkReauthLockedAsync(Snapshot current, string reason, CancellationToken ct)
    {
        logger.LogError(
            "Zalo: reauth_required ({Reason}). Sending is paused. Get new tokens for the OA, set InfoBot:Zalo:AccessToken and InfoBot:Zalo:RefreshToken, and restart the bot",
            reason);
        await SaveLockedAsync(current, current.Pair with { ReauthRequired = true, Problem = reason, RefreshingSince = null }, ct);
    }

    /// <summary>Stores the pair whole. A pair just refreshed is the only valid one, so it wins over whatever changed meanwhile.</summary>
    private async Task SaveLockedAsync(Snapshot current, ZaloTokenPair next, CancellationToken ct)
    {
        var json = next.ToJson();
        _current = new Snapshot(next, json); // in memory first: if the database fails, this run still sends
        if (await store.CompareAndSetAsync(current.Json, json, ct))
        {
            return;
        }

        logger.LogWarning("Zalo: the stored tokens changed while refreshing (another process?); storing the newest pair");
        await store.CompareAndSetAsync(await store.LoadAsync(ct), json, ct);
    }

    private async Task<Snapshot> LoadLockedAsync(CancellationToken ct)
    {
        if (_current is { } loaded)
        {
            return loaded;
        }

        var json = await store.LoadAsync(ct);
        var stored = ZaloTokenPair.FromJson(json);
        var seed = ZaloTokenPair.Fingerprint(options.RefreshToken);
        if (stored is not null && stored.Seed == seed)
        {
            _current = new Snapshot(stored, json!);
            if (stored.ReauthRequired)
            {
                logger.LogError("Zalo: reauth_required since an earlier run ({Reason}); configure new tokens and restart", stored.Problem);
            }

            return _current;
        }

        // The configured pair only seeds the store; its expiry is unknown, so it is used until Zalo refuses it.
        var seeded = new ZaloTokenPair(options.AccessToken, options.RefreshToken, null, false, null, seed);
        var seededJson = seeded.ToJson();
        if (!await store.CompareAndSetAsync(json, seededJson, ct))
        {
            throw new InvalidOperationException("The Zalo tokens changed while they were being seeded; try again.");
        }

        if (stored is null)
        {
            logger.LogInformation("Zalo: token pair seeded from configuration");
        }
        else
        {
            logger.LogWarning("Zalo: a different refresh token is configured; the stored pair was replaced by it");
        }

        _current = new Snapshot(seeded, seededJson);
        return _current;
    }

    private sealed record Snapshot(ZaloTokenPair Pair, string Json);
}
