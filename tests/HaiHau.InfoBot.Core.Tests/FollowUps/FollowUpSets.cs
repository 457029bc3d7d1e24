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

    /// <summary>
    /// Written blind by a fourth helper (stop 47): the second message after the bot computed a household's case («thế
    /// nếu 7 triệu thì sao», «nhà có 1 người khuyết tật thì sao», «nếu vay 20 triệu»); measured once when the
    /// recomputation was first done, a development set since. 40 conversations.
    /// </summary>
    public static string CasePath => Path.Combine(Folder, "followups-d.tsv");

    /// <summary>
    /// Written blind by a fifth helper (stop 48), the three registers in thirds; run on the start and the end of that
    /// stop's code before anyone read it, then read and worked on in stop 49: a development set since. 60 conversations.
    /// </summary>
    public static string Dev3Path => Path.Combine(Folder, "followups-e.tsv");

    /// <summary>
    /// Written blind by a sixth helper (stop 49): relatives typing for an older resident, residents in their forties and
    /// fifties, people used to offices; run on the start and the end of that stop's code before anyone read it: the clean
    /// held-out set now. 60 conversations.
    /// </summary>
    public static string FreshPath => Path.Combine(Folder, "followups-f.tsv");

    /// <summary>
    /// Written blind by a seventh helper (stop 50): young people typing without diacritics, people over sixty typing
    /// slowly or dictating, people in their thirties to fifties; run on the start and the end of stop 50's code before
    /// anyone read it. 60 conversations.
    /// </summary>
    public static string Fresh2Path => Path.Combine(Folder, "followups-g.tsv");

    /// <summary>
    /// Written blind by an eighth helper (stop 51): half younger relatives in chat style, half older residents typing
    /// slowly or dictating, second messages often very short; run on the start and the end of stop 51's code before
    /// anyone read it. 60 conversations.
    /// </summary>
    public static string Fresh3Path => Path.Combine(Folder, "followups-h.tsv");

    public static IReadOnlyList<string> Paths => [DevPath, Dev2Path, HeldOutPath, CasePath, Dev3Path, FreshPath, Fresh2Path, Fresh3Path];

    /// <summary>How many conversations a set holds at least: the case set is half the size of the first three, the last four three quarters.</summary>
    public static int MinimumRows(string file) =>
        file == Path.GetFileName(CasePath) ? 40 : new[] { Dev3Path, FreshPath, Fresh2Path, Fresh3Path }.Any(p => file == Path.GetFileName(p)) ? 60 : 80;

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
