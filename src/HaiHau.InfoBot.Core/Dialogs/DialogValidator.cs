using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Checks the dialog graph against itself and the content: every next, call, article and {fact:…} must exist,
/// facts used in resident-facing text must be confirmed, and every node must be reachable from the start.
/// </summary>
public static class DialogValidator
{
    public static IReadOnlyList<ContentProblem> Validate(DialogCatalog dialogs, IContentStore content)
    {
        var problems = new List<ContentProblem>();
        foreach (var required in DialogCatalog.Required)
        {
            if (dialogs.Find(required) is null)
            {
                problems.Add(new ContentProblem(new SourceLocation("dialogs/", 0, 0), $"dialog \"{required}\" is missing (the runtime needs it)"));
            }
        }

        foreach (var dialog in dialogs.All.OrderBy(d => d.Location.File, StringComparer.Ordinal))
        {
            ValidateDialog(dialog, dialogs, content, problems);
        }

        return problems;
    }

    /// <summary>Checks a resident-facing text's placeholders.</summary>
    public static void CheckText(string text, SourceLocation at, IContentStore content, List<ContentProblem> problems)
    {
        foreach (var reference in TextTemplate.References(text))
        {
            if (!reference.IsValid)
            {
                problems.Add(new ContentProblem(at, $"unknown placeholder {reference.Raw} (use {{fact:key}}, {{fact:key|short}}, {{var:name}} or {{contact}})"));
            }
            else if (reference.Kind == "fact")
            {
                CheckFact(reference.Key, at, content, problems);
            }
        }
    }

    public static void CheckFact(string key, SourceLocation at, IContentStore content, List<ContentProblem> problems)
    {
        var fact = content.FindFact(key);
        if (fact is null)
        {
            problems.Add(new ContentProblem(at, $"fact \"{key}\" does not exist in content/facts.yaml"));
        }
        else if (!fact.EverConfirmed)
        {
            problems.Add(new ContentProblem(at, $"fact \"{key}\" is not confirmed and may not be told to residents"));
        }
        else if (content is ContentCatalog catalog)
        {
            // Whether it is confirmed on the day the bot speaks depends on the day: ContentCurrency checks that.
            catalog.NoteFactUse(key, at);
        }
    }

    private static void ValidateDialog(DialogDefinition dialog, DialogCatalog dialogs, IContentStore content, List<ContentProblem> problems)
    {
        if (dialog.Find(dialog.Start) is null)
        {
            problems.Add(new ContentProblem(dialog.StartLocation, $"start \"{dialog.Start}\" does not exist"));
        }

        foreach (var node in dialog.Nodes.Values)
        {
            foreach (var target in node.Targets().Where(t => dialog.Find(t.Id) is null))
            {
                problems.Add(new ContentProblem(target.At, $"next \"{target.Id}\" does not exist"));
            }

            foreach (var called in node.Dialogs().Where(d => dialogs.Find(d.Id) is null))
            {
                problems.Add(new ContentProblem(called.At, $"dialog \"{called.Id}\" does not exist"));
            }

            foreach (var article in node.Articles().Where(a => content.FindArticle(a.Id) is null))
            {
                problems.Add(new ContentProblem(article.At, $"article \"{article.Id}\" does not exist in content/articles"));
            }

            foreach (var (text, at) in node.Texts())
            {
                CheckText(text, at, content, problems);
            }

            foreach (var key in node.FactKeys().Where(k => content.FindFact(k) is null))
            {
                problems.Add(new ContentProblem(node.Location, $"fact \"{key}\" does not exist in content/facts.yaml"));
            }

            if (node is Nodes.BranchNode branch)
            {
                foreach (var c in branch.Cases)
                {
                    foreach (var key in c.When.FactKeys.Where(k => content.FindFact(k) is null))
                    {
                        problems.Add(new ContentProblem(c.Location, $"fact \"{key}\" does not exist in content/facts.yaml"));
                    }
                }
            }
        }

        foreach (var orphan in Unreachable(dialog))
        {
            problems.Add(new ContentProblem(orphan.Location, $"node \"{orphan.Id}\" can never be reached from start \"{dialog.Start}\""));
        }
    }

    private static IEnumerable<DialogNode> Unreachable(DialogDefinition dialog)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(dialog.Start);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id) || dialog.Find(id) is not { } node)
            {
                continue;
            }

            foreach (var target in node.Targets())
            {
                queue.Enqueue(target.Id);
            }
        }

        return dialog.Nodes.Values.Where(n => !seen.Contains(n.Id)).OrderBy(n => n.Location.Line);
    }
}
