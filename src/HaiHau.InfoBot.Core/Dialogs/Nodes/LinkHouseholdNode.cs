using System.Globalization;
using HaiHau.InfoBot.Core.Residents;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Links the resident to a household of the commune's official list when the household code, the commune and the
/// head's name they typed all match (names compared without diacritics). Goes to <c>if_linked</c> or
/// <c>if_not_found</c>; a match leaves the turn as a <c>household_linked</c> event that the store persists.
/// <code>
/// - id: lien-ket
///   type: link_household
///   commune: "{var:xa}"
///   code: "{var:ma_ho}"
///   head_name: "{var:chu_ho}"
///   if_linked: da-lien-ket
///   if_not_found: khong-thay
/// </code>
/// </summary>
public sealed class LinkHouseholdNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "commune", "code", "head_name", "if_linked", "if_not_found"];

    public override string Type => "link_household";

    public required string Commune { get; init; }

    public required string Code { get; init; }

    public required string HeadName { get; init; }

    public required Reference IfLinked { get; init; }

    public required Reference IfNotFound { get; init; }

    public static DialogNode Read(NodeSeed seed) => new LinkHouseholdNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Commune = seed.Text("commune"),
        Code = seed.Text("code"),
        HeadName = seed.Text("head_name"),
        IfLinked = seed.RequiredRef("if_linked", $"node \"{seed.Id}\""),
        IfNotFound = seed.RequiredRef("if_not_found", $"node \"{seed.Id}\""),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        var household = turn.Services.Register.MatchHousehold(turn.Render(Commune), turn.Render(Code), turn.Render(HeadName));
        if (household is null)
        {
            turn.Log(EventKinds.HouseholdNotFound);
            return new NodeOutcome.Continue(IfNotFound.Id);
        }

        turn.Log(ProfileEvents.HouseholdLinked, data: new Dictionary<string, string>
        {
            ["household_id"] = household.Value.ToString(CultureInfo.InvariantCulture),
            ["linked_by"] = "resident",
        });
        return new NodeOutcome.Continue(IfLinked.Id);
    }

    public override IEnumerable<Reference> Targets() => [IfLinked, IfNotFound];
}
