using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Screening;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Shows the whole of one listing (the code in <c>item</c>, usually picked with ask_listing): who, where, pay or
/// support, deadline, contact, source. A listing that expired or was withdrawn meanwhile says <c>missing_text</c>.
/// <code>
/// - id: xem-tin
///   type: show_listing
///   kind: jobs
///   item: tin
///   missing_text: "Tin này vừa hết hạn, bác xem tin khác nhé."   # optional
///   next: hoi-tiep
/// </code>
/// </summary>
public sealed class ShowListingNode : DialogNode
{
    public const string DefaultMissingText = "Tin này vừa hết hạn hoặc không còn nữa. Bác xem các tin khác nhé.";

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "kind", "item", "missing_text"];

    public override string Type => "show_listing";

    public required ListingKind Kind { get; init; }

    public required string ItemVar { get; init; }

    public string? MissingText { get; init; }

    public SourceLocation MissingTextAt { get; init; } = SourceLocation.Unknown;

    public static DialogNode Read(NodeSeed seed)
    {
        var kindText = seed.Reader.RequiredString(seed.Map, "kind", $"node \"{seed.Id}\"");
        if (Listing.ParseKind(kindText) is null && kindText.Length > 0)
        {
            seed.Reader.Report(seed.At("kind"), $"kind must be \"jobs\" or \"courses\", not \"{kindText}\"");
        }

        return new ShowListingNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Next = seed.Next,
            Kind = Listing.ParseKind(kindText) ?? ListingKind.Job,
            ItemVar = seed.Reader.RequiredString(seed.Map, "item", $"node \"{seed.Id}\""),
            MissingText = seed.Reader.OptionalString(seed.Map, "missing_text"),
            MissingTextAt = seed.At("missing_text"),
        };
    }

    public override NodeOutcome Enter(TurnContext turn)
    {
        var today = PovertyRuleSets.LocalDay(turn.Services.Time.GetUtcNow());
        if (turn.Get(ItemVar) is { } code && ListingSearch.FindCode(turn.Services.ListingSource.All(Kind), today, code) is { } listing)
        {
            turn.Say(ListingText.Details(listing));
            turn.Log(EventKinds.ListingViewed, $"{Listing.WireName(Kind)}:{listing.Code}");
        }
        else
        {
            turn.Say(MissingText ?? DefaultMissingText);
        }

        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => MissingText is null ? [] : [(MissingText, MissingTextAt)];
}
