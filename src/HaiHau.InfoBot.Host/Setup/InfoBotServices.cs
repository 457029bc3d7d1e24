using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>The services every verb shares: data, engine, store and turn processing.</summary>
public static class InfoBotServices
{
    public const string DefaultConnectionString = "Data Source=data/infobot.db";

    /// <summary>
    /// Registers the bot. Everything configuration-dependent is read when first resolved (not here), so test hosts
    /// can override settings; <see cref="Turns.StoreInitializer"/> resolves the data at start, and broken data stops it.
    /// </summary>
    public static IServiceCollection AddInfoBotCore(this IServiceCollection services)
    {
        services.AddOptions<InfoBotOptions>().BindConfiguration(InfoBotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingletonTimeProvider();

        // Shared per content hash within the process (BotDataCache): a second host on the same files neither parses nor retrains;
        // across processes the trained classifier is read from InfoBot:ModelCachePath (ClassifierFileStore), and on a new
        // install from what the build prepared beside the binaries.
        services.AddSingleton(sp => LoadBotData(sp.GetRequiredService<IOptions<InfoBotOptions>>().Value).EnsureValid());
        services.AddSingleton(sp => sp.GetRequiredService<BotData>().Dialogs);
        services.AddSingleton<IContentStore>(sp => sp.GetRequiredService<BotData>().Content);
        services.AddSingleton<IQuestionUnderstanding>(sp => sp.GetRequiredService<BotData>().Questions);
        services.AddSingleton(sp => sp.GetRequiredService<BotData>().Understanding.Registry);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConversationOptions>>().Value;
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new EngineOptions
            {
                IdleTimeout = options.IdleTimeout, MaxTextLength = options.MaxTextLength, PhoneNotifyChannels = Zalo.ZaloRoutesSetup.PhoneNotifyChannels(sp),
                ModelAssistedChannels = Answerer.AnswererSetup.AssistedChannels(configuration), ModelOperator = Answerer.AnswererSetup.OperatorName(configuration),
            };
        });
        services.AddOptions<ListingOptions>().BindConfiguration(ListingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ListingStore>();
        services.AddSingleton<ListingSnapshot>();
        services.AddSingleton<IListingSource>(sp => sp.GetRequiredService<ListingSnapshot>());
        // Registration: dialogs read it through IResidentRegister; turn writers persist profiles and reach, in this order.
        services.AddSingleton<Core.Residents.IResidentRegister, Storage.Residents.ResidentRegister>();
        services.AddSingleton<ITurnOutputWriter, Storage.Residents.ResidentProfileWriter>();
        services.AddSingleton<Storage.Reach.ReachCounting>();
        services.AddSingleton<ITurnOutputWriter, Storage.Reach.ReachWriter>();
        services.AddSingleton<ITurnOutputWriter, Storage.Stats.ScreeningTallyWriter>();
        services.AddSingleton<DialogServices>();
        services.AddSingleton<IDialogEngine, DialogEngine>();

        // Pooled: a turn creates a context or two, and pooling measured cheaper than building each from scratch.
        services.AddPooledDbContextFactory<InfoBotDbContext>((sp, options) =>
            DatabaseSettings.Configure(options, sp.GetRequiredService<IConfiguration>()));
        // On PostgreSQL a conversation is also locked in the database, for several hosts (issue 16).
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new ConversationLocks(DatabaseSettings.IsPostgres(configuration) ? DatabaseSettings.ConnectionString(configuration) : null);
        });
        // One writer at a time on SQLite; open on PostgreSQL (rows are locked there, and several hosts write).
        services.AddSingleton(sp => SqliteWriteGate.For(DatabaseSettings.Provider(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<InboxStore>();
        services.AddSingleton<OutboxReader>();
        services.AddSingleton<OutboxLeases>();
        // Work one host does at a time among several on PostgreSQL (polling, a channel's sends, fan-out); SQLite: this one.
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new HostRoles(DatabaseSettings.IsPostgres(configuration) ? DatabaseSettings.ConnectionString(configuration) : null);
        });
        services.AddSingleton<TurnProcessor>();
        services.AddMetrics();
        services.AddSingleton<Telemetry.InfoBotMetrics>();
        services.AddSingleton<Turns.TurnRunner>();
        services.AddSingleton<Turns.StoreInitializer>(); // also asked for by itself: serve compacts the heap after its warm-up
        services.AddHostedService(sp => sp.GetRequiredService<Turns.StoreInitializer>());
        services.AddHostedService<Turns.ListingRefreshWorker>();
        return services;
    }

    /// <summary>
    /// The bot's data for these settings, the host's and the command-line verbs' alike: through the process's cache
    /// (a verb run in the test process after a host on the same files neither parses nor trains again: 2 % of the Host
    /// tests' CPU went to verbs parsing the YAML afresh) and with the same classifier store, so whichever loads the
    /// files first, the understanding is read from the model cache or the build's copy rather than trained.
    /// Invalid data is returned with its problems (and never cached).
    /// </summary>
    public static BotData LoadBotData(InfoBotOptions paths)
    {
        var prepared = string.IsNullOrWhiteSpace(paths.PreparedUnderstandingPath) ? null : Path.Combine(AppContext.BaseDirectory, paths.PreparedUnderstandingPath);
        if (!string.IsNullOrWhiteSpace(paths.ModelCachePath))
        {
            TaughtModelStore.ForgetOlderReleasesModels(paths.ModelCachePath);
        }

        var classifiers = string.IsNullOrWhiteSpace(paths.ModelCachePath) ? null : new ClassifierFileStore(paths.ModelCachePath, prepared);
        return BotDataCache.Load(BotDataPaths.Resolve(paths.DialogsPath), BotDataPaths.Resolve(paths.ContentPath), classifiers);
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
