using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Core.Tests.FollowUps;

/// <summary>The follow-up sets (FollowUps/README.md): where they are, and runs of them through the shipped engine.</summary>
internal static class FollowUpSets
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "FollowUps");

    /// <summary>Written blind by one helper (short Zalo messages); the development set the follow-up reading was built on.</summary>
    public static string DevPath => Path.Combine(Folder, "followups-a.tsv");

    /// <summary>Written blind by another helper (older residents, voice-typed); measured once before it was read, a development set since.</summary>
    public static string Dev2Path => Path.Combine(Folder, "followups-b.tsv");

    /// <summary>Written blind by a third helper (the three registers mixed), measured once when the reading was done.</summary>
    public static string HeldOutPath => Path.Combine(Folder, "followups-c.tsv");

    public static IReadOnlyList<string> Paths => [DevPath, Dev2Path, HeldOutPath];

    public static IReadOnlyList<FollowUpRow> Read(string path) => FollowUpSet.Parse(File.ReadAllLines(path));

    /// <summary>Both messages of every conversation, the second in the conversation the first left.</summary>
    public static FollowUpReport Run(string path)
    {
        var (engine, time) = Engine();
        return new FollowUpReport(FollowUpEvaluator.Run(engine, Read(path), time));
    }

    /// <summary>The second messages each alone in a fresh conversation: what the bot did before it read a follow-up with its answer.</summary>
    public static AnswerReport.Figures RunAlone(string path)
    {
        var (engine, time) = Engine();
        return AnswerReport.Figures.Of(AnswerEvaluator.Run(engine, Read(path).Select(r => r.ThenRow).ToList(), time).ToList());
    }

    private static (DialogEngine Engine, FakeTimeProvider Time) Engine()
    {
        var data = EngineHarness.Repo;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        return (new DialogEngine(new DialogServices(data.Content, data.Dialogs, time, new EngineOptions(), null, data.Questions)), time);
    }
}
