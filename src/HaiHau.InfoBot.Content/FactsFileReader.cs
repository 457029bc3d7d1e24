using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>Reads content/facts.yaml: every number the bot says, once, with its legal basis.</summary>
public static class FactsFileReader
{
    public static IReadOnlyList<Fact> Read(string yaml, string file, List<ContentProblem> problems)
    {
        var facts = new List<Fact>();
        if (YamlData.Parse(yaml, file, problems) is not DataMap root)
        {
            return facts;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "facts.yaml", "facts");
        foreach (var map in reader.MapList(root, "facts", required: true))
        {
            reader.OnlyKnownFields(map, "a fact", "key", "kind", "value", "unit", "label", "legal_basis", "source", "confirmed");
            var key = reader.RequiredString(map, "key", "a fact");
            var kindText = reader.RequiredString(map, "kind", $"fact \"{key}\"");
            var value = reader.RequiredString(map, "value", $"fact \"{key}\"");
            if (!Enum.TryParse<FactKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                if (kindText.Length > 0)
                {
                    reader.Report(map.Get("kind")!.Location, $"unknown kind \"{kindText}\" (money, percent, date, number or text)");
                }

                continue;
            }

            if (value.Length > 0 && FactFormatter.CheckValue(kind, value) is { } valueProblem)
            {
                reader.Report(map.Get("value")!.Location, valueProblem);
            }

            var confirmed = reader.OptionalBool(map, "confirmed");
            if (map.Get("confirmed") is null)
            {
                reader.Report(map.Location, $"fact \"{key}\" must say confirmed: true or false");
            }

            if (facts.Any(f => f.Key == key))
            {
                reader.Report(map.Location, $"fact \"{key}\" is defined twice");
                continue;
            }

            facts.Add(new Fact(
                key,
                kind,
                value,
                reader.OptionalString(map, "unit"),
                reader.RequiredString(map, "label", $"fact \"{key}\""),
                reader.RequiredString(map, "legal_basis", $"fact \"{key}\""),
                reader.OptionalString(map, "source") ?? string.Empty,
                confirmed ?? false,
                map.Location));
        }

        return facts;
    }
}
