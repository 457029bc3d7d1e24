using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks which commune the resident lives in, typed freely by a name of any period ("hai chau", "TT Yên Định",
/// "xã Hải Châu ạ"). Stores today's commune code in <c>var</c> and always in the conversation's <c>commune</c> (the
/// {contact} block and later questions use it), and the unit actually named in <c>commune_named</c>. A former unit is
/// explained once, kindly ("Xã Hải Châu nay thuộc xã Hải Thịnh."). For a former xã whose successor is not known the
/// bot never guesses: it asks which of today's communes the resident lives in now, as buttons.
/// <code>
/// - id: hoi-xa
///   type: ask_commune
///   text: "Nhà bác ở xã nào?"
///   retry_text: "Bác gõ tên xã, ví dụ «Hải Thịnh» hoặc tên xã cũ «Hải Châu» giúp cháu nhé."
///   on_give_up: hoi-khu-vuc   # optional
///   next: hoi-so-nguoi
/// </code>
/// </summary>
public sealed class AskCommuneNode : PromptNode
{
    /// <summary>The conversation variable that holds the resident's commune code (today's commune).</summary>
    public const string ConversationVar = "commune";

    /// <summary>The conversation variable with the code of the unit the resident named (perhaps a former one).</summary>
    public const string NamedVar = "commune_named";

    // Frame variable: the former unit named whose successor is unknown, while the bot asks which commune it is now.
    private const string PendingVar = "_commune_pending";

    // Conversation variable: the former units already explained, so each note is said once.
    private const string NotedVar = "_commune_noted";

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields];

    public override string Type => "ask_commune";

    protected override string DefaultRetryText => "Cháu chưa nhận ra tên xã. Bác gõ tên xã nơi bác ở, ví dụ «Hải Thịnh», hoặc tên xã cũ như «Hải Châu» giúp cháu nhé.";

    public static DialogNode Read(NodeSeed seed) => new AskCommuneNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Spec = PromptSpec.Read(seed),
    };

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn)
    {
        if (turn.Frame.Vars.ContainsKey(PendingVar))
        {
            return turn.Services.Content.Communes.Select(c => new QuickReply(c.Code, c.Name)).ToList();
        }

        return Known(turn) is { } known ? [new QuickReply(known.Code, known.Name)] : [];
    }

    protected override Answer? Recognize(TurnContext turn)
    {
        var content = turn.Services.Content;
        CommuneResolution? resolution = null;
        if (turn.Input.Payload is { } payload && Choices(turn).Any(c => c.Id == payload))
        {
            resolution = content.ResolveCommune(payload);
            if (turn.Frame.Vars.TryGetValue(PendingVar, out var pending) && resolution is { Current: { } chosen })
            {
                // The resident told us where the former xã is now: keep the name they gave, with today's commune.
                resolution = content.ResolveCommune(pending) is { } named ? new CommuneResolution(named.Named, chosen) : resolution;
            }
        }

        resolution ??= CommuneMatcher.Resolve(content, turn.Input.Text);
        if (resolution?.Current is not { } commune)
        {
            return null;
        }

        turn.Set(ConversationVar, commune.Code, conversationScope: true);
        turn.Set(NamedVar, resolution.Named.Code, conversationScope: true);
        return new Answer(commune.Code);
    }

    protected override string? Clarify(TurnContext turn)
    {
        if (CommuneMatcher.Resolve(turn.Services.Content, turn.Input.Text) is not { NeedsChoice: true } unknown)
        {
            return null;
        }

        turn.Set(PendingVar, unknown.Named.Code, conversationScope: false);
        return $"{unknown.Named.Name} đã được sáp nhập, cháu chưa có tài liệu chắc chắn nay thuộc xã nào. "
            + $"Bác cho cháu biết nhà bác nay thuộc xã nào trong {turn.Services.Content.Communes.Count} xã dưới đây nhé.";
    }

    protected override void Accepted(TurnContext turn, Answer answer)
    {
        turn.Frame.Vars.Remove(PendingVar);
        var resolution = turn.Get(NamedVar) is { } named ? turn.Services.Content.ResolveCommune(named) : null;
        if (resolution?.Note is not { } note || resolution.Current?.Code != answer.Value)
        {
            return;
        }

        var noted = turn.State.Vars.GetValueOrDefault(NotedVar) ?? string.Empty;
        if (noted.Split(' ').Contains(resolution.Named.Code))
        {
            return;
        }

        turn.Set(NotedVar, (noted + " " + resolution.Named.Code).Trim(), conversationScope: true);
        turn.Say(note);
    }

    private static Commune? Known(TurnContext turn) =>
        turn.State.Vars.GetValueOrDefault(ConversationVar) is { } code ? turn.Services.Content.FindCommune(code) : null;
}
