using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// The understanding every conversation uses: content/ plus what staff taught from the console (issue 13 §3). A
/// rebuild trains a new model off the turn path and swaps it in one reference write, so a turn reads either the old
/// model or the new one, never half of each, and no restart is needed. A phrasing linked to an FAQ entry gets that
/// entry whenever its words come back (same words after normalising), whatever the classifier would have said.
/// </summary>
public sealed class LiveUnderstanding : IQuestionUnderstanding, IDisposable
{
    private readonly BotData _data;
    private readonly IDbContextFactory<InfoBotDbContext> _factory;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Snapshot _current;

    public LiveUnderstanding(BotData data, IDbContextFactory<InfoBotDbContext> factory)
    {
        _data = data;
        _factory = factory;
        _current = new Snapshot(data.Questions, new Dictionary<string, FaqEntry>(StringComparer.Ordinal), default);
    }

    /// <summary>Which rows the model was built from: (count, highest id). Another process or an erasure changes it.</summary>
    public readonly record struct Version(int Count, long MaxId);

    private sealed record Snapshot(QuestionUnderstanding Model, IReadOnlyDictionary<string, FaqEntry> Links, Version Version);

    /// <summary>The model in use now.</summary>
    public QuestionUnderstanding Current => Volatile.Read(ref _current).Model;

    public Version BuiltFrom => Volatile.Read(ref _current).Version;

    public UnderstandingMessages Messages => Current.Messages;

    /// <summary>The words a phrasing is matched by: the normaliser's tokens (folded, short forms expanded).</summary>
    public string Key(string text) => Current.Normalizer.Normalize(text);

    public UnderstoodQuestion Understand(string text)
    {
        var snapshot = Volatile.Read(ref _current);
        var key = snapshot.Model.Normalizer.Normalize(text);
        if (key.Length > 0 && snapshot.Links.TryGetValue(key, out var faq))
        {
            return new UnderstoodQuestion(key, QuestionDecision.Answer, new TopicGuess(faq.Topic, 1, new AnswerRef(AnswerRef.Faq, faq.Id)), null);
        }

        return snapshot.Model.Understand(text);
    }

    public TopicSettings? Settings(string topic) => Current.Settings(topic);

    public FaqEntry? FindFaq(string id) => Current.FindFaq(id);

    public void Dispose() => _rebuild.Dispose();

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
            var rows = await db.StaffPhrasings.AsNoTracking().Where(p => p.Kind == StaffPhrasingKinds.Example || p.Kind == StaffPhrasingKinds.Link)
                .OrderBy(p => p.Id).ToListAsync(ct);
            var snapshot = await Task.Run(() => Build(rows, version), ct);
            Volatile.Write(ref _current, snapshot);
            return true;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private Snapshot Build(List<StaffPhrasingRecord> rows, Version version)
    {
        // Nothing taught: the model content/ built at start serves as it is (no second training).
        var model = rows.Count == 0 ? _data.Questions : QuestionUnderstanding.Build(StaffPhrasingSeam.With(_data.Understanding, rows), _data.Content.Articles);
        var links = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Kind == StaffPhrasingKinds.Link))
        {
            var key = model.Normalizer.Normalize(row.Text);
            if (key.Length > 0 && row.FaqId is { } id && model.FindFaq(id) is { } faq)
            {
                links[key] = faq; // a later link of the same words wins
            }
        }

        return new Snapshot(model, links, version);
    }

    private static async Task<Version> VersionAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var taught = db.StaffPhrasings.Where(p => p.Kind == StaffPhrasingKinds.Example || p.Kind == StaffPhrasingKinds.Link);
        var count = await taught.CountAsync(ct);
        var max = count == 0 ? 0 : await taught.MaxAsync(p => p.Id, ct);
        return new Version(count, max);
    }
}
