using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.Core.Tests.Understanding;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>The labelled sets the answers are measured on, and one run of the real engine over them.</summary>
internal static class AnswerSets
{
    public static string RealSetPath => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "realset.tsv");

    public static IReadOnlyList<AnswerSetRow> RealSet() => AnswerSet.Parse(File.ReadAllLines(RealSetPath));

    /// <summary>
    /// The held-out check of issue 12: real questions from other pages than the real set's, never tuned on (see
    /// Answers/README.md). It says whether the real-set figures generalise; no test holds a floor on it.
    /// </summary>
    public static string FreshSetPath => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet() => AnswerSet.Parse(File.ReadAllLines(FreshSetPath));

    /// <summary>
    /// The second held-out check of issue 12: real questions from pages neither the real nor the fresh set uses, never
    /// tuned on (see Answers/README.md). Like the fresh set, no test holds a floor on its figures.
    /// </summary>
    public static string FreshSet2Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset2.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet2() => AnswerSet.Parse(File.ReadAllLines(FreshSet2Path));

    /// <summary>
    /// The third held-out check of issue 12: real questions gathered by a helper who never read the other sets, from
    /// pages none of them uses, each labelled with the one entry that answers it best (stricter than the other sets,
    /// which accept neighbours and referrals too). No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet3Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset3.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet3() => AnswerSet.Parse(File.ReadAllLines(FreshSet3Path));

    /// <summary>
    /// The fourth held-out check of issue 12: real questions gathered blind (no bot run, no other set's rows read) from
    /// pages none of the earlier sets uses, labelled like the first two sets (every entry that answers, plus the referral
    /// body). Smaller than the others because the stored pages were nearly exhausted. No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet4Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset4.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet4() => AnswerSet.Parse(File.ReadAllLines(FreshSet4Path));

    /// <summary>
    /// The fifth held-out check of issue 12: real questions gathered blind on 7 December 2026 (no bot run, no other set's
    /// rows read) from pages none of the earlier sets uses, labelled like the fourth. 22 rows: about seven in ten pages the
    /// search found were already used, and none left on the programme's own subjects. No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet5Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset5.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet5() => AnswerSet.Parse(File.ReadAllLines(FreshSet5Path));

    /// <summary>
    /// The sixth held-out check of issue 12: 68 real questions gathered blind on 8 December 2026 (stop 54; no bot run, no
    /// other set's rows read, only the addresses and openings already used, to skip them) from about 45 sites, labelled like
    /// the fifth; 7 more were dropped as their pages gave letters to content/understanding/letters.tsv. A quarter are
    /// voters' requests («cử tri đề nghị…») and a quarter matters outside the programme: the
    /// programme's own subjects were nearly used up. Kept clean: measured; of its misses only three confident-wrong rows
    /// with odd ids were read, and nothing was tuned on them. No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet6Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset6.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet6() => AnswerSet.Parse(File.ReadAllLines(FreshSet6Path));

    /// <summary>
    /// The seventh held-out check of issue 12: 29 real questions gathered blind on 8 December 2026 (stop 55), as the sixth
    /// was: no bot run, no set read, only the used addresses and openings to skip. The stored pages are nearly used up:
    /// most searches found nothing new, and none found a question on a household's poor or near-poor status. 24 sites;
    /// two voters' requests; eight matters outside the programme. Kept clean: only its totals and its misses' list were
    /// seen, and nothing was changed for them. No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet7Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset7.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet7() => AnswerSet.Parse(File.ReadAllLines(FreshSet7Path));

    /// <summary>
    /// The eighth held-out check of issue 12: 30 real questions gathered blind on 8 December 2026 (stop 56) to the seventh
    /// set's brief, from 24 sites. Again none on a household's poor or near-poor status (every such page was used); 13 on
    /// health insurance, seven voters' requests, nine matters outside the programme. Kept clean: only its totals were
    /// seen. No test holds a floor on its figures.
    /// </summary>
    public static string FreshSet8Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "freshset8.tsv");

    public static IReadOnlyList<AnswerSetRow> FreshSet8() => AnswerSet.Parse(File.ReadAllLines(FreshSet8Path));

    /// <summary>
    /// The chat-style held-out check: short messages in the way residents type on Zalo and Telegram (most without
    /// diacritics, abbreviations, typos), written blind on 6 December 2026 (no bot run, no training wording or set rows
    /// read before writing) and labelled like the real set's chat rows. No test holds a floor on its figures.
    /// </summary>
    public static string ChatSetPath => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet() => AnswerSet.Parse(File.ReadAllLines(ChatSetPath));

    /// <summary>
    /// The second chat-style check, written blind on 7 December 2026 by two writers who opened no set, training wording or
    /// evaluation: short Zalo messages, and voice-typed or dialect messages of older residents (l/n mixed up, run-on, the
    /// ask buried in the story). No test holds a floor on its figures.
    /// </summary>
    public static string ChatSet2Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset2.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet2() => AnswerSet.Parse(File.ReadAllLines(ChatSet2Path));

    /// <summary>
    /// The third chat-style check, written blind on 7 December 2026 (stop 49) by a writer who opened no set, training
    /// wording or evaluation: 80 short messages of many kinds of resident and 40 of older residents, voice-typed or in
    /// dialect. Run on the start and the end of that stop's code before anyone read it: the clean chat-style set now.
    /// </summary>
    public static string ChatSet3Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset3.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet3() => AnswerSet.Parse(File.ReadAllLines(ChatSet3Path));

    /// <summary>
    /// The fourth chat-style set, written blind the same day by another writer for development: its misses were read
    /// and worked on in stop 49 (60 short messages, 40 of older residents).
    /// </summary>
    public static string ChatSet4Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset4.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet4() => AnswerSet.Parse(File.ReadAllLines(ChatSet4Path));

    /// <summary>
    /// The fifth chat-style set, written blind on 7 December 2026 (stop 50) by a writer who opened no set, training
    /// wording or evaluation: 60 short messages of younger relatives on Zalo (half without diacritics) and 40 of older
    /// residents typing slowly or dictating. Run on the start and the end of stop 50's code before anyone read it.
    /// </summary>
    public static string ChatSet5Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset5.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet5() => AnswerSet.Parse(File.ReadAllLines(ChatSet5Path));

    /// <summary>
    /// The sixth chat-style set, written blind on 7 December 2026 (stop 51) by a writer who opened no set, training
    /// wording or evaluation: 60 short messages of younger relatives and middle-aged residents, and 40 of older residents
    /// (31–46 words) dictating or typing slowly, story first. Run on the start and the end of stop 51's code before anyone
    /// read it.
    /// </summary>
    public static string ChatSet6Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset6.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet6() => AnswerSet.Parse(File.ReadAllLines(ChatSet6Path));

    /// <summary>
    /// The seventh chat-style set, written blind on 7 December 2026 (stop 53) by a writer who opened no set, training
    /// wording or evaluation: 40 short messages (ch7-001…) and 60 of older residents (25–50 words, ch7-101…) dictating or
    /// typing slowly, story first. Kept clean: measured, never read.
    /// </summary>
    public static string ChatSet7Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset7.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet7() => AnswerSet.Parse(File.ReadAllLines(ChatSet7Path));

    /// <summary>
    /// The eighth chat-style set, written blind on 8 December 2026 (stop 57) by a writer who opened no set, training
    /// wording or evaluation: 40 short messages (ch8-001…) and 60 of older residents (25–50 words, ch8-101…), about one in
    /// six on what changed around them (the merged communes, the 2027 poverty lines). Kept clean: measured, never read.
    /// </summary>
    public static string ChatSet8Path => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Answers", "chatset8.tsv");

    public static IReadOnlyList<AnswerSetRow> ChatSet8() => AnswerSet.Parse(File.ReadAllLines(ChatSet8Path));

    /// <summary>
    /// Every labelled set someone has read (its rows or its misses): what the entry model's thresholds are chosen on. The
    /// fifth chat-style set joined them in stop 53, when its older residents' misses were read; the sixth in stop 57.
    /// </summary>
    public static IReadOnlyList<AnswerSetRow> ReadSets() =>
        RealSet().Concat(DevSetAsAnswers())
            .Concat(FreshSet()).Concat(FreshSet2()).Concat(FreshSet3()).Concat(FreshSet4()).Concat(FreshSet5())
            .Concat(ChatSet()).Concat(ChatSet2()).Concat(ChatSet3()).Concat(ChatSet4()).Concat(ChatSet5()).Concat(ChatSet6())
            .ToList();

    /// <summary>
    /// Every answer set's file in the order the sets were gathered: a new held-out set checks itself against those
    /// before it (its pages and questions new), and the letters the bot weighs words by against all of them. A new set
    /// is one line here.
    /// </summary>
    public static IReadOnlyList<string> InGatheredOrder { get; } =
    [
        RealSetPath, FreshSetPath, FreshSet2Path, FreshSet3Path, FreshSet4Path, FreshSet5Path,
        ChatSetPath, ChatSet2Path, ChatSet3Path, ChatSet4Path, ChatSet5Path, ChatSet6Path, ChatSet7Path,
        FreshSet6Path, FreshSet7Path, FreshSet8Path, ChatSet8Path,
    ];

    /// <summary>The sets gathered before <paramref name="path"/> (<see cref="InGatheredOrder"/>).</summary>
    public static IReadOnlyList<string> GatheredBefore(string path) =>
        InGatheredOrder.TakeWhile(p => !string.Equals(p, path, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The sets no one has read, only their totals (the sixth fresh set: three rows): where a threshold chosen on
    /// <see cref="ReadSets"/> is judged. The seventh chat-style set, since stop 54 the sixth fresh set of real letters,
    /// since stop 55 the seventh, since stop 56 the eighth, since stop 57 the eighth chat-style set (the sixth, read in
    /// stop 57, went to <see cref="ReadSets"/>). In stop 55 the sixth fresh set's misses were printed whole once,
    /// looking for a cause common to unseen letters; nothing was changed for them, and they stay here.
    /// </summary>
    public static IReadOnlyList<AnswerSetRow> CleanSets() => ChatSet7().Concat(ChatSet8()).Concat(FreshSet6()).Concat(FreshSet7()).Concat(FreshSet8()).ToList();

    /// <summary>
    /// The development set has topics, not answers: a row fits when the answer shown belongs to its topic (any FAQ
    /// entry, article or action of it). A coarser measure than the real set's, kept for continuity with older figures.
    /// </summary>
    public static IReadOnlyList<AnswerSetRow> DevSetAsAnswers(bool withoutDiacritics = false)
    {
        var data = EngineHarness.Repo;
        var byTopic = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string topic, string payload)
        {
            if (!byTopic.TryGetValue(topic, out var list))
            {
                byTopic.Add(topic, list = []);
            }

            list.Add(payload);
        }

        foreach (var topic in EngineHarness.Repo.Understanding.Registry.Classes)
        {
            Add(topic, new AnswerRef(AnswerRef.Topic, topic).Payload);
        }

        data.Understanding.Faqs.ToList().ForEach(f => Add(f.Topic, new AnswerRef(AnswerRef.Faq, f.Id).Payload));
        data.Content.Articles.ToList().ForEach(a => Add(a.Topic, new AnswerRef(AnswerRef.Article, a.Id).Payload));
        Add("eligibility", AnswerRef.Screener);
        Add("jobs", "listings:jobs");
        Add("vocational_training", "listings:courses");
        return DevSet.Load()
            .Select(i => new AnswerSetRow($"d{i.Line:000}", "dev", withoutDiacritics ? DevSet.WithoutDiacritics(i.Question) : i.Question,
                byTopic.GetValueOrDefault(i.Topic) ?? [new AnswerRef(AnswerRef.Topic, i.Topic).Payload], i.Line))
            .ToList();
    }

    /// <summary>
    /// Every row through the engine with no coverage threshold (every understood answer given), with how the row was
    /// read: what threshold calibrations and confidence comparisons simulate a gate on.
    /// </summary>
    public static IReadOnlyList<(AnswerOutcome Outcome, UnderstoodQuestion Question)> RunWithoutThreshold(IReadOnlyList<AnswerSetRow> rows)
    {
        var data = EngineHarness.Repo;
        var understanding = QuestionUnderstanding.Build(data.Understanding, data.Content.Articles,
            new QuestionUnderstanding.Thresholds(MinCoverage: 0, MinLetterCoverage: 0), store: PreparedUnderstanding.Store());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, time, new EngineOptions(), null, understanding));
        return AnswerEvaluator.Run(engine, rows, time).Select(o => (o, understanding.Understand(o.Row.Question))).ToList();
    }

    /// <param name="understanding">The engine's question understanding; none: the repository's, as shipped.</param>
    public static AnswerReport Evaluate(IReadOnlyList<AnswerSetRow> rows, QuestionUnderstanding? understanding = null)
    {
        var data = EngineHarness.Repo;
        understanding ??= data.Questions;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, time, new EngineOptions(), null, understanding));
        return new AnswerReport(AnswerEvaluator.Run(engine, rows, time), AnswerTopics.Resolver(understanding, data.Content));
    }
}
