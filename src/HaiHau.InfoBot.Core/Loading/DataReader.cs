using System.Globalization;

namespace HaiHau.InfoBot.Core.Loading;

/// <summary>Reads typed fields from a <see cref="DataMap"/> and records each problem with its location.</summary>
public sealed class DataReader(List<ContentProblem> problems)
{
    public List<ContentProblem> Problems { get; } = problems;

    public void Report(SourceLocation at, string message) => Problems.Add(new ContentProblem(at, message));

    /// <summary>Fields not in <paramref name="allowed"/> are typos more often than intent: they are errors.</summary>
    public void OnlyKnownFields(DataMap map, string what, params string[] allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                Report(entry.Key.Location, $"unknown field \"{entry.Key.Value}\" in {what} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? OptionalString(DataMap map, string key)
    {
        var node = map.Get(key);
        switch (node)
        {
            case null:
                return null;
            case DataScalar { IsNull: true }:
                return null;
            case DataScalar s:
                return s.Value;
            default:
                Report(node.Location, $"\"{key}\" must be a single value");
                return null;
        }
    }

    public string RequiredString(DataMap map, string key, string what)
    {
        var value = OptionalString(map, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (map.Get(key) is null or DataScalar { IsNull: true })
            {
                Report(map.Location, $"{what} is missing \"{key}\"");
            }
            else
            {
                Report(map.Get(key)!.Location, $"\"{key}\" is empty");
            }

            return string.Empty;
        }

        return value;
    }

    public int? OptionalInt(DataMap map, string key, int min, int max)
    {
        var text = OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Report(map.Get(key)!.Location, $"\"{key}\" must be a whole number from {min} to {max}, not \"{text}\"");
            return null;
        }

        return value;
    }

    public decimal? OptionalDecimal(DataMap map, string key)
    {
        var text = OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            Report(map.Get(key)!.Location, $"\"{key}\" must be a number, not \"{text}\"");
            return null;
        }

        return value;
    }

    /// <summary>A day written YYYY-MM-DD (facts' and communes' validity periods).</summary>
    public DateOnly? OptionalDate(DataMap map, string key)
    {
        var text = OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Report(map.Get(key)!.Location, $"\"{key}\" must be a date written YYYY-MM-DD, not \"{text}\"");
            return null;
        }

        return value;
    }

    public bool? OptionalBool(DataMap map, string key)
    {
        var text = OptionalString(map, key);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => ReportBool(map, key, text),
        };
    }

    public IReadOnlyList<DataMap> MapList(DataMap map, string key, bool required)
    {
        var node = map.Get(key);
        if (node is null || node is DataScalar { IsNull: true })
        {
            if (required)
            {
                Report(map.Location, $"missing \"{key}\"");
            }

            return [];
        }

        if (node is not DataList list)
        {
            Report(node.Location, $"\"{key}\" must be a list");
            return [];
        }

        var maps = new List<DataMap>();
        foreach (var item in list.Items)
        {
            if (item is DataMap m)
            {
                maps.Add(m);
            }
            else
            {
                Report(item.Location, $"each item of \"{key}\" must be a mapping (key: value)");
            }
        }

        return maps;
    }

    public IReadOnlyList<string> StringList(DataMap map, string key)
    {
        var node = map.Get(key);
        switch (node)
        {
            case null or DataScalar { IsNull: true }:
                return [];
            case DataList list:
                var values = new List<string>();
                foreach (var item in list.Items)
                {
                    if (item is DataScalar s)
                    {
                        values.Add(s.Value);
                    }
                    else
                    {
                        Report(item.Location, $"each item of \"{key}\" must be a single value");
                    }
                }

                return values;
            default:
                Report(node.Location, $"\"{key}\" must be a list");
                return [];
        }
    }

    private bool? ReportBool(DataMap map, string key, string text)
    {
        Report(map.Get(key)!.Location, $"\"{key}\" must be true or false, not \"{text}\"");
        return null;
    }
}
