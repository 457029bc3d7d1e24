using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The sixth chat-style set (Answers/chatset6.tsv, 7 December 2026, stop 51): 60 short messages (ch6-001…) and 40 of
/// older residents dictating or typing slowly (ch6-101…), written blind; a clean set until a stop reads it.
/// </summary>
public sealed partial class Chatset6FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet6Path;

    protected override Regex IdPattern => Chat6Id();

    protected override int MinimumRows => 94;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path,
        AnswerSets.FreshSet4Path, AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path,
        AnswerSets.ChatSet3Path, AnswerSets.ChatSet4Path, AnswerSets.ChatSet5Path,
    ];

    [GeneratedRegex(@"^ch6-\d{3}$")]
    private static partial Regex Chat6Id();
}
