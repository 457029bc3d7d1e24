using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/understanding/abbreviations.yaml:
/// <code>
/// abbreviations:
///   - { full: "không", short: [ko, k, hok] }
/// starts:
///   - { from: f, to: ph }
/// </code>
/// A short form is one word; written with or without diacritics, it is compared folded.
/// </summary>
public static class AbbreviationsFileReader
{
    public static Abbreviations Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return Abbreviations.None;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "abbreviations.yaml", "abbreviations", "starts");
        var owners = new Dictionary<string, (string[] Full, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var map in reader.MapList(root, "abbreviations", required: true))
        {
            reader.OnlyKnownFields(map, "an abbreviation", "full", "short");
            var full = VietnameseText.Fold(reader.RequiredString(map, "full", "an abbreviation")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var shorts = reader.StringList(map, "short");
            if (shorts.Count == 0)
            {
                reader.Report(map.Location, $"abbreviation \"{string.Join(' ', full)}\" has no \"short\" forms");
            }

            foreach (var (written, at) in shorts.Select((s, i) => (s, ItemLocation(map, i))))
            {
                var key = VietnameseText.Fold(written);
                if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
                {
                    reader.Report(at, $"short form \"{written}\" must be one word");
                }
                else if (owners.TryGetValue(key, out var first))
                {
                    // "dc" and "đc" fold alike: listing both under one word is fine, under two words is a contradiction.
                    if (!first.Full.SequenceEqual(full))
                    {
                        reader.Report(at, $"short form \"{written}\" is already listed at line {first.At.Line} for \"{string.Join(' ', first.Full)}\"");
                    }
                }
                else if (full.Length > 0)
                {
                    owners[key] = (full, at);
                }
            }
        }

        // A short form that folds to its own full form ("đươc" for "được") changes nothing.
        var words = owners.Where(o => !(o.Value.Full.Length == 1 && o.Value.Full[0] == o.Key))
            .ToDictionary(o => o.Key, o => o.Value.Full, StringComparer.Ordinal);

        var starts = new List<(string, string)>();
        foreach (var map in reader.MapList(root, "starts", required: false))
        {
            reader.OnlyKnownFields(map, "a word start", "from", "to");
            var from = VietnameseText.Fold(reader.RequiredString(map, "from", "a word start"));
            var to = VietnameseText.Fold(reader.RequiredString(map, "to", "a word start"));
            if (from.Length > 0 && to.Length > 0)
            {
                starts.Add((from, to));
            }
        }

        return new Abbreviations(words, starts);
    }

    private static SourceLocation ItemLocation(DataMap map, int index) =>
        map.Get("short") is DataList list && index < list.Items.Count ? list.Items[index].Location : map.Location;
}
