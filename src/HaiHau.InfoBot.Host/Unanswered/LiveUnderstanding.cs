using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Unanswered;
using HaiHau.InfoBot.Host.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// The understanding every conversation uses: content/ plus what staff taught from the console (issue 13 §3). A
/// rebuild trains a new model off the turn path and swaps it in one reference write, so a turn reads either the old
/// model or the new one, never half of each, and no restart is needed. A phrasing linked to an FAQ entry gets that
/// entry whenever its words come back (same words after normalising), whatever the classifier would have said; a
/// phrasing taught to a topic gets the model's answer when the model now places it there, else the topic itself
/// (its dialog or overview): staff said what it is about, and a question they taught must not stay unanswered.
/// Words that are only similar go through the model, which learnt the phrasing as one more example.
/// </summary>
public sealed class LiveUnderstanding : IQuestionUnderstanding, IDisposable
{
    private readonly BotData _data;
    private readonly IDbContextFactory<InfoBotDbContext> _factory;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly ILogger<LiveUnderstanding> _logger;
    private readonly TaughtModelStore? _store;

    private Snapshot _current;
    private Task _settled = Task.CompletedTask;

    public LiveUnderstanding(BotData data, IDbContextFactory<InfoBotDbContext> factory, IOptions<InfoBotOptions> options, ILogger<LiveUnderstanding> logger)
    {
        _data = data;
        _store = string.IsNullOrWhiteSpace(options.Value.ModelCachePath) ? null
            : new TaughtModelStore(Path.Combine(options.Value.ModelCachePath, TaughtModelStore.TaughtFolder), data.Classifiers);
        _factory = factory;
        _logger = logger;
        _current = new Snapshot(data.Questions, new Dictionary<string, TopicGuess>(StringComparer.Ordinal), default);
    }

    /// <summary>Which rows the model was built from: (count, highest id). Another process or an erasure changes it.</summary>
    public readonly record struct Version(int Count, long MaxId);

    private sealed record Snapshot(QuestionUnderstanding Model, IReadOnlyDictionary<string, TopicGuess> Taught, Version Version);

    /// <summary>Raised after a new model was swapped in, with the rows it was built from.</summary>
    public event Action<Version>? Swapped;

    /// <summary>The model in use now.</summary>
    public QuestionUnderstanding Current => Volatile.Read(ref _current).Model;

    public Version BuiltFrom => Volatile.Read(ref _current).Version;

    public UnderstandingMessages Messages => Current.Messages;

    public UnderstoodQuestion Understand(string text)
    {
        var snapshot = Volatile.Read(ref _current);
        var understood = snapshot.Model.Understand(text);
        if (!snapshot.Taught.TryGetValue(understood.Normalized, out var taught)
            || (taught.Answer.Kind == AnswerRef.Topic && understood.Decision == QuestionDecision.Answer && understood.Best.Topic == taught.Topic))
        {
            return understood;
        }

        return new UnderstoodQuestion(understood.Normalized, QuestionDecision.Answer, taught, null, understood.IsQuestion);
    }

    public TopicSettings? Settings(string topic) => Current.Settings(topic);

    public FaqEntry? FindFaq(string id) => Current.FindFaq(id);

    public Referral? FindReferral(string id) => Current.FindReferral(id);

    public IReadOnlyList<string> Tokens(string text) => Current.Tokens(text);

    public void Dispose() => _rebuild.Dispose();

    /// <summary>Completes when the last scheduled rebuild has been swapped in (or failed, logged; the old model serves).</summary>
    public Task Settled => Volatile.Read(ref _settled);

    /// <summary>True while a change from the console is being learnt.</summary>
    public bool IsLearning => !Settled.IsCompleted;

    /// <summary>
    /// Starts a rebuild in the background and returns at once: the console's request does not wait for the training
    /// (seconds on a busy machine), and conversations keep the current model until the swap.
    /// </summary>
    public Task Schedule()
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Rebuilding the understanding with staff phrasings failed; the previous model keeps serving");
            }
        });
        Volatile.Write(ref _settled, task);
        return task;
    }

    /// <summary>Rebuilds when the staff rows changed since the model in use was built; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var version = await VersionAsync(db, ct);
        return version != BuiltFrom && await RebuildAsync(ct);
    }

    /// <summary>Reads the staff rows and trains a new model on a pool thread; the old one serves until the swap.</summary>
    public async Task<bool> RebuildAsync(CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            await using var db = await _factory.CreateDbContextAsync(ct);
            var version = await VersionAsync(db, ct);
            var rows = await TaughtPhrasings.ListAsync(db, ct);
            var snapshot = await Task.Run(() => Build(rows, version), ct);
            Volatile.Write(ref _current, snapshot);
            _store?.ForgetUnused(); // what was built from words now erased or replaced leaves the disk too
            Swapped?.Invoke(version);
            return true;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private Snapshot Build(List<StaffPhrasingRecord> rows, Version version)
    {
        // Nothing taught: the model content/ built at start serves as it is (no second training). Taught: built with the
        // model cache too, so a restart on the same phrasings (StaffPhrasingRefresher, before /health) reads the build
        // instead of training again; the phrasings are part of its key, so a new one misses and trains. The entry model
        // is the start's unless a letter was linked or confirmed (StaffTeaching): then it learns that letter too, a few seconds more.
        var model = _data.Questions;
        rows = rows.Where(StaffPhrasingKinds.Teaches).ToList();
        if (rows.Count > 0)
        {
            var wordings = rows.Select(r => r.FaqId is not null
                ? new StaffWording(r.Id, r.Text, FaqId: r.FaqId)
                : new StaffWording(r.Id, r.Text, Topic: r.Topic)).ToList();
            model = StaffTeaching.Build(_data.Questions, _data.Understanding, _data.Content.Articles, wordings, _store, _data.Content);
        }

        var taught = new Dictionary<string, TopicGuess>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = model.Normalizer.Normalize(row.Text);
            var guess = row.FaqId is not null
                ? model.FindFaq(row.FaqId) is { } faq ? new TopicGuess(faq.Topic, 1, new AnswerRef(AnswerRef.Faq, faq.Id)) : null
                : row.Topic is { } topic && model.Settings(topic) is { Action: TopicAction.Answer } ? new TopicGuess(topic, 1, new AnswerRef(AnswerRef.Topic, topic)) : null;
            if (key.Length > 0 && guess is not null)
            {
                taught[key] = guess; // in id order: the latest decision on the same words wins
            }
        }

        return new Snapshot(model, taught, version);
    }

    private static async Task<Version> VersionAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var (count, max) = await TaughtPhrasings.VersionAsync(db, ct);
        return new Version(count, max);
    }
}
