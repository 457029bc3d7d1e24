using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.TestKit;

/// <summary>The pure engine with a fake clock and one conversation's state: send text or press buttons, read replies.</summary>
public sealed class EngineHarness
{
    // Read from what the build prepared, as a host does, rather than trained once more in every test process (issue 15).
    private static readonly Lazy<BotData> RepoData = new(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, PreparedUnderstanding.Store()).EnsureValid());
    private readonly DialogEngine _engine;
    private int _sequence;

    public EngineHarness(
        DialogCatalog? dialogs = null, IContentStore? content = null, EngineOptions? options = null, IListingSource? listings = null, IQuestionUnderstanding? understanding = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7)));
        // The repository's classifier only with the repository's dialogs: custom test dialogs keep prompts strict.
        understanding ??= dialogs is null && content is null ? RepoData.Value.Questions : null;
        _engine = new DialogEngine(new DialogServices(content ?? RepoData.Value.Content, dialogs ?? RepoData.Value.Dialogs, Time, options ?? new EngineOptions(), listings, understanding));
    }

    /// <summary>
    /// The repository's bot with its clock at 9:00 in Vietnam on that day: answers that depend on the day (today's
    /// poverty line and the coming one, the pension's ages) are that day's.
    /// </summary>
    public static EngineHarness On(int year, int month, int day)
    {
        var harness = new EngineHarness();
        harness.Time.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(7)));
        return harness;
    }

    /// <summary>The real dialogs and content of the repository, validated.</summary>
    public static BotData Repo => RepoData.Value;

    /// <summary>
    /// The repository's question understanding as a host builds it (from the prepared files, with the commune map), with
    /// other thresholds: what a calibration tries, or a rule switched off to show what another rule does alone.
    /// </summary>
    public static QuestionUnderstanding UnderstandingWith(QuestionUnderstanding.Thresholds thresholds) =>
        QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, thresholds, store: PreparedUnderstanding.Store(), places: Repo.Content);

    public FakeTimeProvider Time { get; }

    public ConversationState State { get; private set; } = new();

    public IReadOnlyList<TurnEvent> LastEvents { get; private set; } = [];

    public IReadOnlyList<OutboundMessage> Start(string? payload = null) => Run(null, null, isStart: true, payload);

    public IReadOnlyList<OutboundMessage> Send(string text) => Run(text, null, isStart: false, null);

    public IReadOnlyList<OutboundMessage> Press(string choiceId) => Run(null, choiceId, isStart: false, null);

    /// <summary>Text and a payload together, as channels send a photo's caption with its non-text mark.</summary>
    public IReadOnlyList<OutboundMessage> Send(string? text, string? payload) => Run(text, payload, isStart: false, null);

    /// <summary>All reply texts of one turn joined, for quick "contains" checks.</summary>
    public static string Joined(IReadOnlyList<OutboundMessage> replies) => string.Join("\n---\n", replies.Select(r => r.Text));

    private IReadOnlyList<OutboundMessage> Run(string? text, string? payload, bool isStart, string? startPayload)
    {
        var from = new ConversationRef("test", "u1", "c1");
        var message = new InboundMessage(from, $"m{++_sequence}", Time.GetUtcNow(), text, payload, isStart, startPayload);
        var result = _engine.RunTurn(State, message);
        State = result.State;
        LastEvents = result.Events;
        return result.Replies;
    }
}
