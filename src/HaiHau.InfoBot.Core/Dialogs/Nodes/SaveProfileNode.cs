using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Residents;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Keeps the resident's registration answers: the values (placeholders allowed) leave the turn as a
/// <c>profile_saved</c> event that the store writes in the turn's transaction. Only the fields given change.
/// Fields: consent_announcements, consent_statistics, consent_zns ("yes"/"no"), commune (code), category, topics
/// (space-separated). consent_zns "yes" keeps the phone the platform verified in this very turn (an ask_contact with
/// if_shared just before); without one shared now, it is "no": a consent to be notified by a phone we do not have.
/// <code>
/// - id: luu
///   type: save_profile
///   values:
///     consent_announcements: "{var:dong_y_nhan_tin}"
///     commune: "{var:xa}"
///   next: xong
/// </code>
/// </summary>
public sealed class SaveProfileNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "values"];

    public override string Type => "save_profile";

    public required IReadOnlyList<(string Field, string Value, SourceLocation At)> Values { get; init; }

    public static DialogNode Read(NodeSeed seed)
    {
        var values = new List<(string, string, SourceLocation)>();
        if (seed.Map.Get("values") is not DataMap map || map.Entries.Count == 0)
        {
            seed.Reader.Report(seed.At("values"), $"node \"{seed.Id}\" needs \"values\": a map of {string.Join(", ", ProfileEvents.Fields)}");
        }
        else
        {
            foreach (var (key, node) in map.Entries)
            {
                if (!ProfileEvents.Fields.Contains(key.Value))
                {
                    seed.Reader.Report(key.Location, $"\"{key.Value}\" is not a registration field (use {string.Join(", ", ProfileEvents.Fields.Order())})");
                }
                else if (node is DataScalar scalar)
                {
                    values.Add((key.Value, scalar.Value, scalar.Location));
                }
            }
        }

        return new SaveProfileNode { Id = seed.Id, Location = seed.Location, Next = seed.Next, Values = values };
    }

    public override NodeOutcome Enter(TurnContext turn)
    {
        var values = Values.ToDictionary(v => v.Field, v => turn.Render(v.Value).Replace("…", "", StringComparison.Ordinal).Trim(), StringComparer.Ordinal);
        if (values.GetValueOrDefault(ProfileEvents.ConsentZns) == "yes")
        {
            // The phone leaves the engine only on this event, for the writer that keeps it; never in state or the log.
            if (turn.Input.ContactPhone is { Length: > 0 } phone)
            {
                values[ProfileEvents.ZnsPhone] = phone;
            }
            else
            {
                values[ProfileEvents.ConsentZns] = "no";
            }
        }

        turn.Log(ProfileEvents.Saved, data: values);
        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => Values.Select(v => (v.Value, v.At));
}
