using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Core.Tests.Replies;

/// <summary>
/// The reply sets and the engine they are judged with: the repository's dialogs and content, the sample listings, one
/// registered resident, and a clock standing on the day the sets were written (the samples' courses and jobs are open then).
/// </summary>
internal static class ReplySets
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Replies");

    public static string DevPath => Path.Combine(Folder, "replyset.tsv");

    public static string HeldOutPath => Path.Combine(Folder, "replyset-heldout.tsv");

    public static string HeldOut2Path => Path.Combine(Folder, "replyset-heldout2.tsv");

    /// <summary>The harder replies written to work from (stop 42): relatives typing, voice typing, dialect, corrections.</summary>
    public static string Dev2Path => Path.Combine(Folder, "replyset2.tsv");

    public static string HeldOut3Path => Path.Combine(Folder, "replyset-heldout3.tsv");

    /// <summary>Replies from other hands (stop 42): teen code, keyboard slips, formal replies, two answers at once.</summary>
    public static string Dev3Path => Path.Combine(Folder, "replyset3.tsv");

    public static string HeldOut4Path => Path.Combine(Folder, "replyset-heldout4.tsv");

    public static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Paths =
        new(() => ReplyPaths.Parse(File.ReadAllLines(Path.Combine(Folder, "reply-paths.tsv"))));

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(7)));

    public static DialogEngine Engine(TimeProvider clock) => new(new DialogServices(
        EngineHarness.Repo.Content, EngineHarness.Repo.Dialogs, clock, new EngineOptions(),
        new SampleListings(Path.Combine(RepoPaths.Content, "samples"), EngineHarness.Repo.Content, new DateOnly(2026, 12, 6)),
        EngineHarness.Repo.Questions,
        new RegisteredInEvaluation()));

    public static ReplyReport Run(string path)
    {
        var clock = Clock();
        var (outcomes, notJudged) = ReplyEvaluator.Run(Engine(clock), ReplySet.Parse(File.ReadAllLines(path)), Paths.Value, clock);
        return new ReplyReport(outcomes, notJudged);
    }
}
