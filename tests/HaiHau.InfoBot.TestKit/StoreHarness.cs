using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Listings;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// The durable turn path without the web host: a real SQLite file, the inbox, the processor and the outbox.
/// <see cref="Restart"/> throws away every in-memory object and keeps only the file, like a host restart.
/// </summary>
public sealed class StoreHarness : IDisposable
{
    private readonly Postgres.TestDatabase _database;
    private readonly ConversationLocks _locks;
    private readonly SqliteWriteGate _writes;
    private readonly IInterceptor[] _interceptors;
    private int _sequence;
    private ITurnOutputWriter[] _extraWriters = [];

    /// <param name="provider">SQLite (a temp file, the default) or PostgreSQL (a fresh database on the run's cluster).</param>
    /// <param name="interceptors">EF interceptors for the stores' contexts (not the migration's): a test's seam to cut a connection at a chosen moment.</param>
    public StoreHarness(FakeTimeProvider? time = null, DatabaseProvider provider = DatabaseProvider.Sqlite, params IInterceptor[] interceptors)
    {
        _interceptors = interceptors;
        _database = new Postgres.TestDatabase(provider);
        _writes = SqliteWriteGate.For(provider);
        _locks = new ConversationLocks(provider == DatabaseProvider.Postgres ? _database.ConnectionString : null);
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7)));
        if (provider == DatabaseProvider.Sqlite)
        {
            MigratedSqliteTemplate.CopyIfNew(ConnectionString); // then the migration below finds nothing to apply
        }

        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, Provider, ConnectionString);
        using (var db = new InfoBotDbContext(options.Options))
        {
            StorageSetup.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        Restart();
    }

    /// <summary>Imports a listings file (path relative to the repository) as the import verb does, then refreshes the snapshot.</summary>
    public async Task<UpsertCounts> ImportAsync(ListingKind kind, string path)
    {
        var table = ListingFileReader.Read(Path.IsPathRooted(path) ? path : Path.Combine(RepoPaths.Root, path));
        var check = ListingImport.Check(kind, table, EngineHarness.Repo.Content, PovertyRuleSets.LocalDay(Time.GetUtcNow()));
        if (check.Problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", check.Problems));
        }

        var counts = await Listings.UpsertAsync(kind, check.Valid, CancellationToken.None);
        await ListingSnapshot.RefreshAsync(CancellationToken.None);
        return counts;
    }

    public FakeTimeProvider Time { get; }

    public IDbContextFactory<InfoBotDbContext> Factory { get; private set; } = null!;

    public InboxStore Inbox { get; private set; } = null!;

    public TurnProcessor Processor { get; private set; } = null!;

    public OutboxReader Outbox { get; private set; } = null!;

    public ListingStore Listings { get; private set; } = null!;

    /// <summary>What the engine reads; <see cref="ImportAsync"/> refreshes it as the host does at start.</summary>
    public ListingSnapshot ListingSnapshot { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The write gate the stores share (one writer on SQLite, open on PostgreSQL).</summary>
    public SqliteWriteGate Writes => _writes;

    /// <summary>Adds a turn output writer after the shipped ones (a test's seam inside the turn's transaction) and restarts.</summary>
    public void UseWriter(ITurnOutputWriter writer)
    {
        _extraWriters = [.. _extraWriters, writer];
        Restart();
    }

    public void Restart()
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, Provider, ConnectionString);
        if (_interceptors.Length > 0)
        {
            options.AddInterceptors(_interceptors);
        }

        Factory = new PooledDbContextFactory<InfoBotDbContext>(options.Options);
        var data = EngineHarness.Repo;
        Listings = new ListingStore(Factory, _writes, Time);
        ListingSnapshot = new ListingSnapshot(Listings);
        ListingSnapshot.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, Time, new EngineOptions(), ListingSnapshot, data.Questions, new ResidentRegister(Factory)));
        Inbox = new InboxStore(Factory, _writes);
        ITurnOutputWriter[] writers = [new ResidentProfileWriter(data.Understanding.Registry), new ReachWriter(new ReachCounting(data.Content, data.Dialogs, data.Questions)), new Storage.Stats.ScreeningTallyWriter(), .. _extraWriters];
        Processor = new TurnProcessor(Factory, engine, _locks, _writes, Time, NullLogger<TurnProcessor>.Instance, writers);
        Outbox = new OutboxReader(Factory, _writes, Time);
    }

    /// <summary>Runs one message as the web chat does: message and turn in one transaction, replies returned.</summary>
    public async Task<IReadOnlyList<DeliveredReply>> TurnAsync(
        string? text, string? payload = null, bool isStart = false, string chatId = "c1", string? externalId = null, string? startPayload = null)
    {
        var (_, replies) = await Processor.RunNowAsync(Message(text, payload, isStart, chatId, externalId, startPayload), requireConversation: false, CancellationToken.None);
        return replies;
    }

    public InboundMessage Message(
        string? text, string? payload = null, bool isStart = false, string chatId = "c1", string? externalId = null, string? startPayload = null, string channel = "web") =>
        new(new ConversationRef(channel, chatId, chatId), externalId ?? $"m{Interlocked.Increment(ref _sequence)}", Time.GetUtcNow(), text, payload, isStart, startPayload);

    /// <summary>Runs one message on any channel (the web chat's path), as <see cref="TurnAsync"/> does for "web".</summary>
    public async Task<IReadOnlyList<DeliveredReply>> TurnOnAsync(string channel, string chatId, string? text, string? payload = null, bool isStart = false)
    {
        var (_, replies) = await Processor.RunNowAsync(Message(text, payload, isStart, chatId, channel: channel), requireConversation: false, CancellationToken.None);
        return replies;
    }

    public void Dispose()
    {
        _locks.Dispose();
        _writes.Dispose();
        _database.Dispose();
    }
}
