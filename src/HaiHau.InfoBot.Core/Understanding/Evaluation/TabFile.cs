namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// The evaluation files' shape: tab-separated, a header naming the columns (so a column added or moved later does
/// not break old files), blank lines and <c>#</c> comments skipped.
/// </summary>
internal static class TabFile
{
    public static IEnumerable<(int Line, Func<string, string> Cell)> Rows(IEnumerable<string> lines, IReadOnlyList<string> required)
    {
        Dictionary<string, int>? columns = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = cells.Select((c, i) => (Name: c.Trim().ToLowerInvariant(), i)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
                if (required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing)
                {
                    throw new FormatException($"line {number}: the header must name the columns {string.Join(", ", required)} (no «{missing}»)");
                }

                continue;
            }

            var map = columns;
            yield return (number, name => map.TryGetValue(name, out var i) && i < cells.Length ? cells[i].Trim() : string.Empty);
        }
    }
}
