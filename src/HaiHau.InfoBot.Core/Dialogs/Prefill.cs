namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Answers a resident already gave in free text ("nhà tôi 4 người, lương tháng 3 triệu"), seeded into a dialog's frame
/// when it starts, so its prompts for them are skipped: the bot does not ask again what it was told (issue 12 §3).
/// The list of seeded variables is kept in the frame, so only they are skipped, and «quay lại» still works.
/// </summary>
public static class Prefill
{
    /// <summary>The frame variable listing the prefilled variables (comma-separated).</summary>
    public const string ListVar = "_prefilled";

    public static void Seed(DialogFrame frame, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            frame.Vars[name] = value;
        }

        frame.Vars[ListVar] = string.Join(',', values.Keys);
    }

    /// <summary>
    /// Answers told later, inside the dialog, added to those seeded at its start: their prompts are skipped as the
    /// seeded ones are.
    /// </summary>
    public static void Add(DialogFrame frame, IReadOnlyDictionary<string, string> values)
    {
        var listed = (frame.Vars.GetValueOrDefault(ListVar) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var (name, value) in values)
        {
            frame.Vars[name] = value;
            if (!listed.Contains(name, StringComparer.Ordinal))
            {
                listed.Add(name);
            }
        }

        frame.Vars[ListVar] = string.Join(',', listed);
    }

    public static bool Has(TurnContext turn, string? variable) =>
        variable is not null
        && turn.Frame.Vars.GetValueOrDefault(ListVar) is { } list
        && list.Split(',').Contains(variable, StringComparer.Ordinal)
        && turn.Frame.Vars.ContainsKey(variable);

    /// <summary>Where a prompt goes without asking: past its variable when prefilled; for a choice without a variable
    /// ("cả hộ hay mỗi người?"), the one option leading to a prefilled prompt. Null: ask.</summary>
    public static NodeOutcome? Skip(TurnContext turn, PromptNode prompt)
    {
        if (prompt.Var is not null)
        {
            return Has(turn, prompt.Var) ? NodeOutcome.GoTo(prompt.Next?.Id) : null;
        }

        if (prompt is not Nodes.AskChoiceNode choice || turn.Services.Dialogs.Find(turn.Frame.DialogId) is not { } dialog)
        {
            return null;
        }

        // Two options may lead to the same prompt («Cả hộ một tháng» and «Chưa rõ»): it is still one way on.
        var leads = choice.Options
            .Where(o => o.Next is not null && dialog.Find(o.Next.Id) is PromptNode next && Has(turn, next.Var))
            .Select(o => o.Next!.Id)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return leads.Count == 1 ? new NodeOutcome.Continue(leads[0]) : null;
    }
}
