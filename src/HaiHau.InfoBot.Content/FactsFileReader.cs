using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>content/facts.yaml as read: the facts with all their dated values, and the acts no longer in force.</summary>
public sealed record FactsFile(IReadOnlyList<Fact> Facts, IReadOnlyList<LegalAct> LegalActs);

/// <summary>
/// Reads content/facts.yaml: every number the bot says, once, with its legal basis. A fact has either one value
/// (<c>value</c>, <c>legal_basis</c>, <c>source</c>, <c>confirmed</c> on the fact itself: open-ended) or a list of
/// <c>values</c>, each with its own period (<c>valid_from</c>/<c>valid_to</c>, inclusive, either optional) and basis.
/// Periods of one fact may not overlap: on any day at most one value is in force.
/// </summary>
public static class FactsFileReader
{
    private static readonly string[] ValueFields = ["value", "valid_from", "valid_to", "legal_basis", "source", "confirmed"];

    public static FactsFile Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var facts = new List<Fact>();
        var acts = new List<LegalAct>();
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return new FactsFile(facts, acts);
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "facts.yaml", "facts", "legal_acts");
        foreach (var map in reader.MapList(root, "legal_acts", required: false))
        {
            reader.OnlyKnownFields(map, "a legal act", "act", "repealed_on", "replaced_by", "also_written");
            var act = reader.RequiredString(map, "act", "a legal act");
            var repealedOn = reader.OptionalDate(map, "repealed_on");
            if (repealedOn is null && map.Get("repealed_on") is null)
            {
                reader.Report(map.Location, $"legal act \"{act}\" must say repealed_on (YYYY-MM-DD)");
            }

            if (act.Length > 0 && repealedOn is { } on)
            {
                acts.Add(new LegalAct(act, on, reader.OptionalString(map, "replaced_by"), reader.StringList(map, "also_written"), map.Location));
            }
        }

        foreach (var map in reader.MapList(root, "facts", required: true))
        {
            reader.OnlyKnownFields(map, "a fact", [.. ValueFields, "key", "kind", "unit", "label", "values"]);
            var key = reader.RequiredString(map, "key", "a fact");
            var kindText = reader.RequiredString(map, "kind", $"fact \"{key}\"");
            if (!Enum.TryParse<FactKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                if (kindText.Length > 0)
                {
                    reader.Report(map.Get("kind")!.Location, $"unknown kind \"{kindText}\" (money, percent, date, number or text)");
                }

                continue;
            }

            var values = map.Get("values") is null
                ? [ReadValue(reader, map, key, kind, single: true)]
                : reader.MapList(map, "values", required: true).Select(v =>
                {
                    reader.OnlyKnownFields(v, $"a value of fact \"{key}\"", ValueFields);
                    return ReadValue(reader, v, key, kind, single: false);
                }).ToList();
            if (map.Get("values") is not null && ValueFields.FirstOrDefault(f => map.Get(f) is not null) is { } stray)
            {
                reader.Report(map.Get(stray)!.Location, $"fact \"{key}\" has \"values\": \"{stray}\" belongs inside each value");
            }

            CheckPeriods(reader, key, values);
            if (facts.Any(f => f.Key == key))
            {
                reader.Report(map.Location, $"fact \"{key}\" is defined twice");
                continue;
            }

            facts.Add(new Fact(
                key,
                kind,
                reader.OptionalString(map, "unit"),
                reader.RequiredString(map, "label", $"fact \"{key}\""),
                values.OrderBy(v => v.ValidFrom ?? DateOnly.MinValue).ToList(),
                map.Location));
        }

        return new FactsFile(facts, acts);
    }

    private static FactValue ReadValue(DataReader reader, DataMap map, string key, FactKind kind, bool single)
    {
        var what = single ? $"fact \"{key}\"" : $"a value of fact \"{key}\"";
        var value = reader.RequiredString(map, "value", what);
        if (value.Length > 0 && FactFormatter.CheckValue(kind, value) is { } valueProblem)
        {
            reader.Report(map.Get("value")!.Location, valueProblem);
        }

        var confirmed = reader.OptionalBool(map, "confirmed");
        if (map.Get("confirmed") is null)
        {
            reader.Report(map.Location, $"{what} must say confirmed: true or false");
        }

        return new FactValue(
            value,
            reader.OptionalDate(map, "valid_from"),
            reader.OptionalDate(map, "valid_to"),
            reader.RequiredString(map, "legal_basis", what),
            reader.OptionalString(map, "source") ?? string.Empty,
            confirmed ?? false,
            map.Location);
    }

    private static void CheckPeriods(DataReader reader, string key, IReadOnlyList<FactValue> values)
    {
        foreach (var v in values.Where(v => v.ValidFrom > v.ValidTo))
        {
            reader.Report(v.Location, $"fact \"{key}\": valid_from {v.ValidFrom:yyyy-MM-dd} is after valid_to {v.ValidTo:yyyy-MM-dd}");
        }

        var ordered = values.OrderBy(v => v.ValidFrom ?? DateOnly.MinValue).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var before = ordered[i - 1];
            var after = ordered[i];
            if (before.ValidTo is not { } end || after.ValidFrom is not { } start || start <= end)
            {
                reader.Report(after.Location, $"fact \"{key}\": this value's period overlaps the one before (on any day at most one value is in force)");
            }
        }
    }
}
