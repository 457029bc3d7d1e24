using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks the store to keep (or, with <c>stop: true</c>, to delete) this conversation's subscription to news of new
/// jobs or courses, with the resident's commune (the conversation's <c>commune</c>, when known). The store writes it
/// in the same transaction as the turn; «xóa dữ liệu của tôi» deletes it. Ask consent before, in the dialog.
/// <code>
/// - id: dang-ky
///   type: subscribe
///   kind: jobs            # or courses
///   text: "Cháu đã ghi nhận. Khi có việc làm mới, cháu sẽ nhắn bác."
///   next: xong
/// </code>
/// </summary>
public sealed class SubscribeNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "kind", "text", "stop"];

    public override string Type => "subscribe";

    public required ListingKind Kind { get; init; }

    public bool Stop { get; init; }

    public required string Text { get; init; }

    public required SourceLocation TextAt { get; init; }

    public static DialogNode Read(NodeSeed seed)
    {
        var kindText = seed.Reader.RequiredString(seed.Map, "kind", $"node \"{seed.Id}\"");
        if (Listing.ParseKind(kindText) is null && kindText.Length > 0)
        {
            seed.Reader.Report(seed.At("kind"), $"kind must be \"jobs\" or \"courses\", not \"{kindText}\"");
        }

        // Stopping may be silent («dừng» stops every kind of news at once and says so in one sentence of its own).
        var stop = seed.Reader.OptionalBool(seed.Map, "stop") ?? false;
        return new SubscribeNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Next = seed.Next,
            Kind = Listing.ParseKind(kindText) ?? ListingKind.Job,
            Stop = stop,
            Text = stop ? seed.Reader.OptionalString(seed.Map, "text") ?? string.Empty : seed.Text(),
            TextAt = seed.At("text"),
        };
    }

    public override NodeOutcome Enter(TurnContext turn)
    {
        var kind = Listing.WireName(Kind);
        if (Stop)
        {
            turn.Log(EventKinds.NewsUnsubscribed, kind);
        }
        else
        {
            var commune = turn.State.Vars.GetValueOrDefault(AskCommuneNode.ConversationVar) ?? string.Empty;
            turn.Log(EventKinds.NewsSubscribed, kind, new Dictionary<string, string>(StringComparer.Ordinal) { ["commune"] = commune });
        }

        if (Text.Length > 0)
        {
            turn.Say(Text);
        }

        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => Text.Length > 0 ? [(Text, TextAt)] : [];
}
