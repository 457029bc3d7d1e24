namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// One two-message conversation of a follow-up evaluation file (tests/…/FollowUps/*.tsv): a first question, a second
/// message sent after its answer («thế mỗi tháng được bao nhiêu», «còn bà tôi thì sao»), and what fits each; the
/// second read in the context of the first. <see cref="Kind"/>: same (more of the same matter), other-person, new
/// (unrelated, read alone), reaction.
/// </summary>
public sealed record FollowUpRow(string Id, string First, string Then, IReadOnlyList<string> AcceptFirst, IReadOnlyList<string> AcceptThen, string Kind, int Line)
{
    /// <summary>The first message as a row of an answer set, to be judged as one.</summary>
    public AnswerSetRow FirstRow => new(Id, Kind, First, AcceptFirst, Line);

    /// <summary>The second message as a row of an answer set.</summary>
    public AnswerSetRow ThenRow => new(Id, Kind, Then, AcceptThen, Line);
}

/// <summary>Reads the tab-separated follow-up format: header <c>id first then accept_first accept_then kind note</c>.</summary>
public static class FollowUpSet
{
    public static IReadOnlyList<FollowUpRow> Parse(IEnumerable<string> lines)
    {
        var rows = new List<FollowUpRow>();
        foreach (var (number, cell) in TabFile.Rows(lines, ["id", "first", "then", "accept_first", "accept_then"]))
        {
            string[] Labels(string column) => cell(column).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (first, then) = (Labels("accept_first"), Labels("accept_then"));
            if (cell("first").Length == 0 || cell("then").Length == 0 || first.Length == 0 || then.Length == 0)
            {
                throw new FormatException($"line {number}: a row needs both messages and at least one accepted answer for each");
            }

            rows.Add(new FollowUpRow(cell("id"), cell("first"), cell("then"), first, then, cell("kind"), number));
        }

        return rows;
    }
}
