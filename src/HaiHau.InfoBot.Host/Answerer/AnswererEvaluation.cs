using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.Host.Setup;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// `eval answers FILE --answerer llm`: every row the live bot would compose for (a typed question answered by an
/// entry) goes through the configured model exactly as the worker sends it, and the guard judges the reply. A
/// composed answer rests on the entry retrieval chose, so it fits when that entry is one the row accepts, and is
/// confident-wrong when it is not; everything else leaves the retrieval answer. Printed next to retrieval only.
/// </summary>
public sealed class AnswererEvaluation
{
    private readonly List<(AnswerOutcome Retrieval, Composition? Composed)> _rows = [];

    public static async Task<AnswererEvaluation> RunAsync(
        BotData data, IConfiguration configuration, IReadOnlyList<AnswerSetRow> rows, TimeProvider time, CancellationToken ct)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddSingleton(time)
            .AddSingleton<IContentStore>(data.Content)
            .AddSingleton<IQuestionUnderstanding>(data.Questions)
            .AddSingleton<IListingSource>(NoListings.Instance);
        services.AddOptions<InfoBotOptions>().BindConfiguration(InfoBotOptions.Section);
        services.AddInfoBotAnswerer(configuration);
        await using var provider = services.BuildServiceProvider();
        var composer = provider.GetRequiredService<AnswerComposer>();
        var timeout = provider.GetRequiredService<IOptions<AnswererOptions>>().Value.Timeout;
        var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, time, new EngineOptions(), null, data.Questions));
        var day = PovertyRuleSets.Today(time);
        var evaluation = new AnswererEvaluation();
        foreach (var row in rows)
        {
            var message = new InboundMessage(new ConversationRef("eval", row.Id, row.Id), row.Id, time.GetUtcNow(), row.Question, null, false, null);
            var events = engine.RunTurn(new ConversationState(), message).Events;
            var retrieval = AnswerEvaluator.Judge(row, events);
            Composition? composed = null;
            if (Core.Dialogs.ModelNotice.AnsweredEntry(events) is { } id && data.Questions.FindFaq(id) is { Answer.Length: > 0 } best)
            {
                using var hold = new CancellationTokenSource(timeout, time);
                using var call = CancellationTokenSource.CreateLinkedTokenSource(ct, hold.Token);
                var runnerUp = data.Questions.Understand(row.Question).RunnerUp?.Answer is { Kind: AnswerRef.Faq } other && other.Id != id
                    ? data.Questions.FindFaq(other.Id)
                    : null;
                composed = await composer.ComposeAsync(row.Question, best, runnerUp, day, call.Token);
                ct.ThrowIfCancellationRequested();
            }

            evaluation._rows.Add((retrieval, composed));
        }

        return evaluation;
    }

    public int Rows => _rows.Count;

    public int Eligible => _rows.Count(r => r.Composed is not null);

    public int Count(CompositionStatus status) => _rows.Count(r => r.Composed?.Status == status);

    /// <summary>Composed answers (what residents would read from the model) on an entry the row accepts.</summary>
    public int ComposedFit => _rows.Count(r => r.Composed?.Status == CompositionStatus.Composed && r.Retrieval.Verdict == AnswerVerdict.Fit);

    /// <summary>Composed answers on an entry the row does not accept: the model's confident-wrong.</summary>
    public int ComposedWrong => _rows.Count(r => r.Composed?.Status == CompositionStatus.Composed && r.Retrieval.Verdict == AnswerVerdict.ConfidentWrong);

    /// <summary>Declines where retrieval had picked a wrong entry: the model noticed.</summary>
    public int DeclinedWrong => _rows.Count(r => r.Composed?.Status == CompositionStatus.Declined && r.Retrieval.Verdict == AnswerVerdict.ConfidentWrong);

    public string Format(string model)
    {
        var text = new StringBuilder();
        var all = Figures(r => r.Retrieval.Verdict);
        text.AppendLine(CultureInfo.InvariantCulture, $"Answerer (model {model}): {Eligible} of {Rows} rows are typed questions answered by an entry, which it composes for.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  composed {Count(CompositionStatus.Composed)} (fit {ComposedFit}, confident-wrong {ComposedWrong}); guard rejections {Count(CompositionStatus.Rejected)}; "
            + $"declined {Count(CompositionStatus.Declined)} (on a wrong entry {DeclinedWrong}); failed {Count(CompositionStatus.Failed)} "
            + $"(timeouts {_rows.Count(r => r.Composed?.Error == "timeout")})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  of all rows:      fit {Share(all.Fit)}  confident-wrong {Share(all.Wrong)}  (retrieval only; fallbacks keep these)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  composed answers: fit {Share(ComposedFit)}  confident-wrong {Share(ComposedWrong)}  guard rejections {Share(Count(CompositionStatus.Rejected))}");
        foreach (var (problem, count) in _rows.SelectMany(r => r.Composed?.Problems ?? []).Select(p => p.Split(':')[0])
                     .GroupBy(k => k).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  rejected for {problem}: {count}");
        }

        return text.ToString();
    }

    private (int Fit, int Wrong) Figures(Func<(AnswerOutcome Retrieval, Composition? Composed), AnswerVerdict> verdict) =>
        (_rows.Count(r => verdict(r) == AnswerVerdict.Fit), _rows.Count(r => verdict(r) == AnswerVerdict.ConfidentWrong));

    private string Share(int count) => Rows == 0 ? "0.0 %" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / Rows,5:0.0} %");
}
