namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// One row of an answer evaluation file (tests/…/Answers/realset.tsv; the format is fixed in the content contract):
/// a resident's question and the answers that would help them (<c>faq:…</c>, <c>refer:…</c>, <c>screener</c>…).
/// </summary>
public sealed record AnswerSetRow(string Id, string Kind, string Question, IReadOnlyList<string> Accept, int Line);

/// <summary>Reads the tab-separated answer evaluation format: header <c>id kind question accept source note</c>.</summary>
public static class AnswerSet
{
    public static IReadOnlyList<AnswerSetRow> Parse(IEnumerable<string> lines)
    {
        var rows = new List<AnswerSetRow>();
        int? id = null, kind = null, question = null, accept = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (id is null)
            {
                // The header names the columns, so a column added later (or moved) does not break old files.
                var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
                id = names.IndexOf("id");
                kind = names.IndexOf("kind");
                question = names.IndexOf("question");
                accept = names.IndexOf("accept");
                if (id < 0 || question < 0 || accept < 0)
                {
                    throw new FormatException($"line {number}: the header must name the columns id, question and accept");
                }

                continue;
            }

            string Cell(int? i) => i is { } k && k >= 0 && k < cells.Length ? cells[k].Trim() : string.Empty;
            var labels = Cell(accept).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (Cell(question).Length == 0 || labels.Length == 0)
            {
                throw new FormatException($"line {number}: a row needs a question and at least one accepted answer");
            }

            rows.Add(new AnswerSetRow(Cell(id), Cell(kind), Cell(question), labels, number));
        }

        return rows;
    }
}
