using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The second chat-style held-out set (Answers/chatset2.tsv, 7 December 2026): 80 short Zalo messages (ch2-001…) and 80
/// voice-typed or dialect messages of older residents (ch2-101…), none the same as a question of any earlier set.
/// </summary>
public sealed partial class Chatset2FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet2Path;

    protected override Regex IdPattern => Chat2Id();

    protected override int MinimumRows => 160;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path, AnswerSets.FreshSet4Path,
        AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath,
    ];

    [GeneratedRegex(@"^ch2-\d{3}$")]
    private static partial Regex Chat2Id();
}
