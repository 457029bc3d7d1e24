using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Zalo;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.Extensions.Logging.Abstractions;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// Work one host does at a time (issue 16): of two hosts on one PostgreSQL only one holds a role (Telegram polling,
/// a channel's sending, the fan-out), the other takes it once the first is gone; roles are independent. The Zalo
/// token pair's compare-and-set lets exactly one of two hosts replace the pair both read.
/// </summary>
public sealed class HostRolesTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Of_two_hosts_one_holds_a_role_and_the_other_takes_it_when_the_first_is_gone(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var connection = provider == DatabaseProvider.Postgres ? database.ConnectionString : null;
        var hostA = new HostRoles(connection);
        await using var hostB = new HostRoles(connection);

        var a = await hostA.HoldAsync(HostRoles.TelegramPolling, CancellationToken.None);
        var b = await hostB.HoldAsync(HostRoles.TelegramPolling, CancellationToken.None);
        var aAgain = await hostA.HoldAsync(HostRoles.TelegramPolling, CancellationToken.None);
        var otherRole = await hostB.HoldAsync(HostRoles.Sender("zalo"), CancellationToken.None);
        await hostA.DisposeAsync(); // the host stops: its session, and its roles, end
        var bAfter = await hostB.HoldAsync(HostRoles.TelegramPolling, CancellationToken.None);

        if (provider == DatabaseProvider.Sqlite)
        {
            // One host per file: every role is always here, as before several hosts existed.
            Assert.All([a, b, aAgain, otherRole, bAfter], r => Assert.Equal(RoleHold.Held, r));
            return;
        }

        Assert.Equal(RoleHold.Taken, a);
        Assert.Equal(RoleHold.Elsewhere, b);
        Assert.Equal(RoleHold.Held, aAgain);
        Assert.Equal(RoleHold.Taken, otherRole);
        Assert.Equal(RoleHold.Taken, bAfter);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Of_two_hosts_replacing_the_token_pair_both_read_exactly_one_succeeds(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, provider, database.ConnectionString);
        await using (var db = new InfoBotDbContext(options.Options))
        {
            await StorageSetup.MigrateAsync(db, CancellationToken.None);
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7)));
        // Two hosts: each its own context factory and write gate (on SQLite the gate is per process, so one is shared).
        var gate = SqliteWriteGate.For(provider);
        var hostA = new ChannelStateStore(new PooledDbContextFactory<InfoBotDbContext>(options.Options), gate, time);
        var hostB = new ChannelStateStore(new PooledDbContextFactory<InfoBotDbContext>(options.Options), provider == DatabaseProvider.Sqlite ? gate : SqliteWriteGate.For(provider), time);

        var seeded = await Task.WhenAll(hostA.CompareAndSetAsync("zalo", "tokens", null, "pair-0", CancellationToken.None),
            hostB.CompareAndSetAsync("zalo", "tokens", null, "pair-0b", CancellationToken.None));
        var read = await hostA.GetAsync("zalo", "tokens", CancellationToken.None);
        var rotated = await Task.WhenAll(hostA.CompareAndSetAsync("zalo", "tokens", read, "pair-A", CancellationToken.None),
            hostB.CompareAndSetAsync("zalo", "tokens", read, "pair-B", CancellationToken.None));

        Assert.Single(seeded, won => won);
        Assert.Single(rotated, won => won);
        Assert.Equal(rotated[0] ? "pair-A" : "pair-B", await hostB.GetAsync("zalo", "tokens", CancellationToken.None));
    }

    [Theory, OnPostgres]
    public async Task Two_hosts_refused_the_same_token_spend_the_single_use_refresh_token_once_and_both_send_with_the_new_one(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, provider, database.ConnectionString);
        await using (var db = new InfoBotDbContext(options.Options))
        {
            await StorageSetup.MigrateAsync(db, CancellationToken.None);
        }

        await using var zalo = await FakeZaloApi.StartAsync();
        var zaloOptions = new ZaloOptions
        {
            AppId = FakeZaloApi.AppId, AppSecret = FakeZaloApi.AppSecret, OaSecretKey = FakeZaloApi.OaSecretKey,
            AccessToken = zalo.AccessToken, RefreshToken = zalo.RefreshToken, OAuthBaseUrl = zalo.BaseUrl.ToString(),
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7)));
        using var httpA = new HttpClient { BaseAddress = zalo.BaseUrl };
        using var httpB = new HttpClient { BaseAddress = zalo.BaseUrl };
        ZaloTokens NewHost(HttpClient http) => new(
            zaloOptions,
            new ZaloTokenStore(new ChannelStateStore(new PooledDbContextFactory<InfoBotDbContext>(options.Options), SqliteWriteGate.For(provider), time)),
            new ZaloOAuthClient(http, zaloOptions, new ZaloFormatLog(NullLogger<ZaloFormatLog>.Instance)),
            time,
            NullLogger<ZaloTokens>.Instance);
        using var hostA = NewHost(httpA);
        using var hostB = NewHost(httpB);
        await hostA.LoadAsync(CancellationToken.None);
        await hostB.LoadAsync(CancellationToken.None);
        var old = zaloOptions.AccessToken;
        zalo.ExpireAccessToken(); // Zalo now refuses it: both hosts' next sends are refused and ask to renew

        var renewed = await Task.WhenAll(hostA.RenewAsync(old, CancellationToken.None), hostB.RenewAsync(old, CancellationToken.None));
        // The host that did not refresh waits briefly (or already has the new pair); asked again, it has the new pair.
        var again = await Task.WhenAll(hostA.RenewAsync(old, CancellationToken.None), hostB.RenewAsync(old, CancellationToken.None));

        Assert.Equal(1, zalo.RefreshCalls); // the single-use refresh token was spent once
        Assert.Contains(renewed, lease => lease.AccessToken == zalo.AccessToken);
        Assert.All(renewed.Where(l => l.AccessToken is null), l => Assert.Equal("token refresh by another host", Assert.IsType<SendResult.RetryAfter>(l.Instead).Reason));
        Assert.All(again, lease => Assert.Equal(zalo.AccessToken, lease.AccessToken));
        Assert.False(hostA.ReauthRequired || hostB.ReauthRequired);
    }
}
