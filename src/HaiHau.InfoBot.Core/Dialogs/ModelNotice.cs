using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A resident who types a question before ever seeing the greeting has not been told that typed questions may go to a
/// language model (Luật 91/2025/QH15: say what goes where before it goes). That question keeps its answer from content
/// (the host composes only after a turn that told: ComposeRequestWriter), and the telling follows it here, in the
/// greeting's own words (the menu's notice node), so the resident's next question may be composed.
/// </summary>
public static class ModelNotice
{
    internal static void TellAfterAnAnswerIfUntold(TurnContext turn, DialogServices services)
    {
        if (turn.Get(ModelAssistedChannels.Variable) != "yes" || turn.State.Vars.ContainsKey(ModelAssistedChannels.NoticeShownVariable)
            || AnsweredEntry(turn.Events) is null)
        {
            return;
        }

        var node = string.IsNullOrEmpty(turn.Get(ModelAssistedChannels.OperatorVariable))
            ? ModelAssistedChannels.UnnamedNoticeNode
            : ModelAssistedChannels.NamedNoticeNode;
        if (services.Dialogs.Find(DialogCatalog.MainDialogId)?.Find(node) is SayNode notice)
        {
            notice.Enter(turn);
            turn.Set(ModelAssistedChannels.NoticeShownVariable, "yes", conversationScope: true);
        }
    }

    /// <summary>The FAQ entry that answered a typed question in this turn; null for a button, an article, a dialog.</summary>
    public static string? AnsweredEntry(IReadOnlyList<TurnEvent> events)
    {
        if (events.Any(e => e.Kind == EventKinds.ArticleViewed))
        {
            return null; // a whole article was shown: nothing short to compose
        }

        var understood = false;
        foreach (var e in events)
        {
            understood |= e.Kind == EventKinds.QuestionUnderstood;
            if (understood && e.Kind == EventKinds.QuestionAnswered && AnswerRef.Parse(e.Subject) is { Kind: AnswerRef.Faq } faq)
            {
                return faq.Id;
            }
        }

        return null;
    }
}
