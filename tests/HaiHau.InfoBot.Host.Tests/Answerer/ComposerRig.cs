using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// The answerer's composer as the host registers it (AddInfoBotAnswerer: Semantic Kernel's OpenAI connector on the
/// resilient HTTP client), over the repository's content, talking real HTTP to a <see cref="FakeOpenAiServer"/>.
/// </summary>
public sealed class ComposerRig : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 12, 3);

    public const string Question = "Hộ cận nghèo đi khám bây giờ được bảo hiểm trả bao nhiêu phần trăm?";

    public const string EntryId = "bhyt-can-ngheo-huong-tram-phan-tram";

    private readonly ServiceProvider _services;

    private ComposerRig(FakeOpenAiServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
    }

    public FakeOpenAiServer Fake { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7)));

    public AnswerComposer Composer => _services.GetRequiredService<AnswerComposer>();

    public AnswererState State => _services.GetRequiredService<AnswererState>();

    public IQuestionUnderstanding Understanding => _services.GetRequiredService<IQuestionUnderstanding>();

    public static async Task<ComposerRig> StartAsync(bool stream = false)
    {
        var fake = await FakeOpenAiServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["InfoBot:Answerer:Endpoint"] = fake.Endpoint,
            ["InfoBot:Answerer:Model"] = "fake-model",
            ["InfoBot:Answerer:RetryDelay"] = "00:00:00",
            ["InfoBot:Answerer:Stream"] = stream ? "true" : "false",
            ["InfoBot:ContentPath"] = RepoPaths.Content,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var data = BotDataCache.Load(RepoPaths.Dialogs, RepoPaths.Content, PreparedUnderstanding.Store());
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IContentStore>(data.Content)
            .AddSingleton<IQuestionUnderstanding>(data.Questions)
            .AddSingleton<IListingSource>(NoListings.Instance);
        services.AddOptions<InfoBotOptions>().BindConfiguration(InfoBotOptions.Section);
        ComposerRig? rig = null;
        services.AddSingleton<TimeProvider>(_ => rig!.Time);
        services.AddInfoBotAnswerer(configuration);
        rig = new ComposerRig(fake, services.BuildServiceProvider());
        return rig;
    }

    /// <summary>Composes the answer to <see cref="Question"/> grounded on its entry, as the worker would.</summary>
    public Task<Composition> ComposeAsync(string question = Question, CancellationToken ct = default) =>
        Composer.ComposeAsync(question, Understanding.FindFaq(EntryId)!, null, Today, ct);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
