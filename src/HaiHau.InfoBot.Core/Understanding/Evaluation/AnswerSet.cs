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
        foreach (var (number, cell) in TabFile.Rows(lines, ["id", "question", "accept"]))
        {
            var labels = cell("accept").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cell("question").Length == 0 || labels.Length == 0)
            {
                throw new FormatException($"line {number}: a row needs a question and at least one accepted answer");
            }

            rows.Add(new AnswerSetRow(cell("id"), cell("kind"), cell("question"), labels, number));
        }

        return rows;
    }
}
