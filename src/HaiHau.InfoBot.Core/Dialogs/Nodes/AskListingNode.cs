using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Lists the newest open job or course listings — optionally matching the words in <c>search</c> (no diacritics
/// needed; a commune named there filters by commune) and the commune in <c>commune</c> — and asks the resident to
/// pick one (button, number, or words). The pick's code goes to <c>var</c>. Expired listings are never shown.
/// Nothing found goes to <c>if_empty</c> without asking. Extra <c>choices</c> (like ask_choice) follow the items.
/// <code>
/// - id: ds-viec-lam
///   type: ask_listing
///   kind: jobs            # or courses
///   text: "Các việc làm mới nhất:"
///   search: tu_khoa       # optional var holding the words typed
///   commune: xa           # optional var holding a commune code
///   limit: 5
///   var: tin
///   if_empty: khong-co
///   choices:
///     - { id: tim, label: "Tìm theo từ khác", next: hoi-tu-khoa }
///   next: xem-tin
/// </code>
/// </summary>
public sealed class AskListingNode : PromptNode
{
    private const int LabelLength = 36;

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "kind", "search", "commune", "limit", "if_empty", "choices"];

    public override string Type => "ask_listing";

    public required ListingKind Kind { get; init; }

    public string? SearchVar { get; init; }

    public string? CommuneVar { get; init; }

    public int Limit { get; init; } = 5;

    public required Reference IfEmpty { get; init; }

    public IReadOnlyList<AskChoiceNode.Choice> Extra { get; init; } = [];

    protected override string DefaultRetryText => "Bác bấm vào tin bác muốn xem, hoặc gõ số thứ tự của tin giúp cháu nhé.";

    public static DialogNode Read(NodeSeed seed)
    {
        var kindText = seed.Reader.RequiredString(seed.Map, "kind", $"node \"{seed.Id}\"");
        var kind = Listing.ParseKind(kindText);
        if (kind is null && kindText.Length > 0)
        {
            seed.Reader.Report(seed.At("kind"), $"kind must be \"jobs\" or \"courses\", not \"{kindText}\"");
        }

        var extra = new List<AskChoiceNode.Choice>();
        foreach (var map in seed.Reader.MapList(seed.Map, "choices", required: false))
        {
            seed.Reader.OnlyKnownFields(map, "a choice", "id", "label", "next");
            var id = seed.Reader.RequiredString(map, "id", "choice");
            extra.Add(new AskChoiceNode.Choice(id, seed.Reader.RequiredString(map, "label", "choice"), id, seed.Ref("next", map), map.Get("label")?.Location ?? map.Location));
        }

        return new AskListingNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Next = seed.Next,
            Spec = PromptSpec.Read(seed),
            Kind = kind ?? ListingKind.Job,
            SearchVar = seed.Reader.OptionalString(seed.Map, "search"),
            CommuneVar = seed.Reader.OptionalString(seed.Map, "commune"),
            Limit = seed.Reader.OptionalInt(seed.Map, "limit", 1, 9) ?? 5,
            IfEmpty = seed.RequiredRef("if_empty", $"node \"{seed.Id}\""),
            Extra = extra,
        };
    }

    public override NodeOutcome Enter(TurnContext turn)
    {
        var found = Found(turn);
        if (found.Count == 0)
        {
            return new NodeOutcome.Continue(IfEmpty.Id);
        }

        turn.Frame.Attempts = 0;
        var lines = found.Select((l, i) => $"{i + 1}. {ListingText.Line(l)}");
        turn.Say(turn.Render(Text) + "\n\n" + string.Join("\n\n", lines), Choices(turn));
        return NodeOutcome.Wait;
    }

    public override IEnumerable<Reference> Targets() =>
        base.Targets().Append(IfEmpty).Concat(Extra.Where(c => c.Next is not null).Select(c => c.Next!));

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => base.Texts().Concat(Extra.Select(c => (c.Label, c.LabelAt)));

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        Offered(turn).Select(o => new QuickReply(o.Id, o.Label)).ToList();

    protected override Answer? Recognize(TurnContext turn)
    {
        var offered = Offered(turn);
        var index = ChoiceMatcher.Match(offered, turn.Input.Text, turn.Input.Payload);
        if (index is not { } i)
        {
            return null;
        }

        var extra = Extra.FirstOrDefault(c => c.Id == offered[i].Id && i >= offered.Count - Extra.Count);
        return extra is not null ? new Answer(extra.Value, extra.Next) : new Answer(offered[i].Id);
    }

    /// <summary>The items (numbered labels, listing codes as ids) then the extra choices, as buttons.</summary>
    private List<(string Id, string Label)> Offered(TurnContext turn) =>
        Found(turn).Select((l, n) => (l.Code, Shorten($"{n + 1}. {l.Title}")))
            .Concat(Extra.Select(c => (c.Id, turn.Render(c.Label))))
            .ToList();

    private IReadOnlyList<Listing> Found(TurnContext turn)
    {
        var (communeInWords, words) = ListingSearch.SplitCommune(turn.Services.Content, SearchVar is null ? null : turn.Get(SearchVar));
        var commune = (CommuneVar is null ? null : turn.Get(CommuneVar)) ?? communeInWords;
        var today = Screening.PovertyRuleSets.LocalDay(turn.Services.Time.GetUtcNow());
        return ListingSearch.Find(turn.Services.ListingSource.All(Kind), today, words, commune, Limit);
    }

    private static string Shorten(string label) => label.Length <= LabelLength ? label : label[..(LabelLength - 1)].TrimEnd() + "…";
}
