using System.Globalization;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// <see cref="TwoHostsTests"/>' class fixture: one PostgreSQL database migrated once by the `db migrate` verb, one fake
/// Bot API with the platform's cap, and two host processes (issue 15: each test migrated a database and started two
/// hosts of its own, about a quarter of the class's time). The tests count no rows of each other's: one writes only web
/// turns, the other only its announcement to Telegram residents. A test that kills a host leaves it dead; the next test
/// asks for <see cref="LiveHostsAsync"/> and gets a new host in its place, as a load balancer would.
/// </summary>
public sealed class TwoHostsBed : IAsyncLifetime, IDisposable
{
    // Paced at 80 a second under a cap of 100, as the defaults pace Telegram at 25 under its 30.
    public const int PacedPerSecond = 80;
    public const int PlatformCap = 100;
    public const int Parallelism = 8;

    private readonly HostProcess?[] _hosts = new HostProcess?[2];
    private TestDatabase? _database;

    public FakeTelegramApi Telegram { get; private set; } = null!;

    /// <summary>The fake Bot API's flood limit, which records every sendMessage call of both hosts.</summary>
    public SlidingWindowCap SendCap { get; } = new(PlatformCap, TimeSpan.FromSeconds(1));

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        if (PostgresCluster.MissingReason is not null && !PostgresCluster.InCi)
        {
            return; // the tests are skipped (OnPostgres): no cluster to start
        }

        _database = new TestDatabase(DatabaseProvider.Postgres);
        Telegram = await FakeTelegramApi.StartAsync();
        Telegram.SendCap = SendCap;
        await HostProcess.RunVerbAsync(["db", "migrate"], Settings(), CancellationToken.None);
        await LiveHostsAsync();
    }

    /// <summary>The two hosts, each running: one that a test killed is replaced by a new process on the same database.</summary>
    internal async Task<(HostProcess First, HostProcess Second)> LiveHostsAsync()
    {
        var settings = Settings();
        var starts = new Task<HostProcess>[_hosts.Length];
        for (var i = 0; i < _hosts.Length; i++)
        {
            if (_hosts[i] is { HasExited: false } running)
            {
                starts[i] = Task.FromResult(running);
                continue;
            }

            _hosts[i]?.Dispose();
            _hosts[i] = null;
            starts[i] = HostProcess.StartAsync(settings, CancellationToken.None);
        }

        // Started side by side: each waits on its own /health.
        var hosts = await Task.WhenAll(starts);
        hosts.CopyTo(_hosts, 0);
        return (hosts[0], hosts[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host?.Dispose();
        }

        if (Telegram is not null)
        {
            await Telegram.DisposeAsync();
        }
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): no host holds the database any more.</summary>
    public void Dispose() => _database?.Dispose();

    private Dictionary<string, string?> Settings() => new(_database!.Settings)
    {
        ["InfoBot:DialogsPath"] = RepoPaths.Dialogs,
        ["InfoBot:ContentPath"] = RepoPaths.Content,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // Every test resident starts from 127.0.0.1: the per-address limit on new conversations would refuse most.
        ["InfoBot:RateLimits:ConversationStartsPerMinute"] = "10000",
        ["InfoBot:Telegram:BotToken"] = FakeTelegramApi.Token,
        ["InfoBot:Telegram:ApiBaseUrl"] = Telegram.BaseUrl,
        ["InfoBot:Telegram:Mode"] = "Polling",
        ["InfoBot:Telegram:PollTimeoutSeconds"] = "1",
        // No quiet hours: the test runs whatever the time in Vietnam.
        ["InfoBot:Delivery:QuietHoursStart"] = "00:00",
        ["InfoBot:Delivery:QuietHoursEnd"] = "00:00",
        ["InfoBot:Delivery:Rates:telegram:MessagesPerSecond"] = PacedPerSecond.ToString(CultureInfo.InvariantCulture),
        ["InfoBot:Delivery:Rates:telegram:Parallelism"] = Parallelism.ToString(CultureInfo.InvariantCulture),
    };
}
