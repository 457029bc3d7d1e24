namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Shows an article from content/articles (title, then body with its {fact:…} values filled in).
/// <code>
/// - id: bhyt-ngheo
///   type: show_article
///   article: bhyt-ho-ngheo
///   next: hoi-tiep
/// </code>
/// </summary>
public sealed class ShowArticleNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "article"];

    public override string Type => "show_article";

    public required Reference Article { get; init; }

    public static DialogNode Read(NodeSeed seed) => new ShowArticleNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Article = seed.RequiredRef("article", $"node \"{seed.Id}\""),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        // Validation guarantees the article exists; a missing one at run time would be a loader bug, so say nothing.
        if (turn.Services.Content.FindArticle(Article.Id) is { } article)
        {
            Show(turn, article);
        }

        return ToNext();
    }

    /// <summary>Says an article the one way articles are shown, and counts it as read.</summary>
    public static void Show(TurnContext turn, Content.Article article, IReadOnlyList<Messaging.QuickReply>? buttons = null)
    {
        turn.Say($"{article.Title.ToUpperInvariant()}\n\n{article.Body}", buttons);
        turn.Log(EventKinds.ArticleViewed, article.Id);
        // An article a dialog shows is an answer too: «còn hộ cận nghèo thì sao» after the poor household's BHYT article.
        turn.State.AnsweredTopic = article.Topic;
        turn.State.AnsweredEntry = new Understanding.AnswerRef(Understanding.AnswerRef.Article, article.Id).Payload;
    }

    public override IEnumerable<Reference> Articles() => [Article];
}
