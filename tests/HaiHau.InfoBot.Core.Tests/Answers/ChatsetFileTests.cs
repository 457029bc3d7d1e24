using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>The chat-style held-out set written on 6 December 2026 (Answers/chatset.tsv): 125 messages, ch- ids.</summary>
public sealed partial class ChatsetFileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSetPath;

    protected override Regex IdPattern => ChatId();

    protected override int MinimumRows => 100;

    protected override IReadOnlyList<string> OtherSets =>
        [AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path, AnswerSets.FreshSet4Path];

    [GeneratedRegex(@"^ch-\d{3}$")]
    private static partial Regex ChatId();
}
