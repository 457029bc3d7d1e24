using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>What the bot did with a typed reply, judged against what the reply means.</summary>
public enum ReplyVerdict
{
    /// <summary>It went on as pressing or typing what the reply means would (or, for a question, answered it).</summary>
    Understood,

    /// <summary>It stayed at the prompt and asked again: honest, one more message for the resident.</summary>
    AskedAgain,

    /// <summary>It took another button, value or way out than the one meant: the resident is led astray.</summary>
    Wrong,
}

/// <summary>One row's judgement; <see cref="Did"/> says in a few words what the bot did, for the list of misses.</summary>
public sealed record ReplyOutcome(ReplySetRow Row, ReplyVerdict Verdict, string Did);

/// <summary>A row the evaluation could not judge, and why (no path to its prompt; a meaning the dialogs cannot press).</summary>
public sealed record ReplyNotJudged(ReplySetRow Row, string Why);

/// <summary>
/// Runs each typed reply of a reply set at its prompt, reached from a fresh conversation by the prompt's path, and
/// compares where the conversation went with where pressing (or plainly typing) what the reply means takes it: the
/// same place in the dialogs, the same values kept (apart from the resident's own words kept verbatim, which differ by
/// nature) and the same things said. So the judgement needs no second copy of the dialogs' logic: the button is the oracle.
/// </summary>
public static partial class ReplyEvaluator
{
    /// <summary>The reason of a row whose prompt has no path.</summary>
    public const string NoPath = "no path to its prompt";

    /// <summary>The reason of a row whose meaning names a button the dialogs do not show where it says.</summary>
    public const string Unfit = "its meaning names a button the dialogs do not show there";

    /// <summary>
    /// Judges every row whose prompt has a path and whose meaning the dialogs can press; the others are returned apart,
    /// not judged. A path that does not reach its prompt is the file's fault: it throws.
    /// </summary>
    public static (IReadOnlyList<ReplyOutcome> Outcomes, IReadOnlyList<ReplyNotJudged> NotJudged) Run(
        IDialogEngine engine, IReadOnlyList<ReplySetRow> rows, IReadOnlyDictionary<string, IReadOnlyList<string>> paths, TimeProvider time)
    {
        var reached = new Dictionary<string, Turn>(StringComparer.Ordinal);
        var outcomes = new List<ReplyOutcome>(rows.Count);
        var notJudged = new List<ReplyNotJudged>();
        foreach (var row in rows)
        {
            if (!paths.ContainsKey(row.Prompt))
            {
                notJudged.Add(new ReplyNotJudged(row, NoPath));
                continue;
            }

            if (!reached.TryGetValue(row.Prompt, out var at))
            {
                at = Reach(engine, row.Prompt, paths, time);
                reached[row.Prompt] = at;
            }

            if (Judge(engine, row, at, time) is { } outcome)
            {
                outcomes.Add(outcome);
            }
            else
            {
                notJudged.Add(new ReplyNotJudged(row, Unfit));
            }
        }

        return (outcomes, notJudged);
    }

    /// <summary>Walks the prompt's path and checks the conversation waits at that prompt.</summary>
    public static Turn Reach(IDialogEngine engine, string prompt, IReadOnlyDictionary<string, IReadOnlyList<string>> paths, TimeProvider time)
    {
        if (!paths.TryGetValue(prompt, out var steps))
        {
            throw new InvalidOperationException($"no path to prompt {prompt}");
        }

        // A path may begin as a resident already registered (the registration then shows what it keeps).
        var from = steps.Count > 0 && steps[0] == ReplyPaths.Registered ? RegisteredInEvaluation.Resident : Anonymous;
        var turn = Send(engine, new Turn(new ConversationState(), [], [], from), null, null, time, isStart: true);
        foreach (var step in steps.Where(s => s != ReplyPaths.Registered))
        {
            turn = step.StartsWith(ReplyPaths.Press, StringComparison.Ordinal)
                ? Send(engine, turn, null, step[ReplyPaths.Press.Length..], time)
                : Send(engine, turn, step, null, time);
        }

        if (Where(turn.State) != prompt)
        {
            throw new InvalidOperationException($"the path to {prompt} ends at {Where(turn.State)}");
        }

        return turn;
    }

    /// <summary>The prompt a conversation waits at, «dialog/node»; empty when it waits at none.</summary>
    public static string Where(ConversationState state) =>
        state.Stack.LastOrDefault() is { Waiting: true } top ? $"{top.DialogId}/{top.NodeId}" : string.Empty;

    private static ReplyOutcome? Judge(IDialogEngine engine, ReplySetRow row, Turn at, TimeProvider time)
    {
        var typed = Send(engine, at, row.Reply, null, time);
        // An officer's contacts given are an answer too, as in the answer sets (topic:handoff).
        var answered = typed.Events.Where(e => e.Kind == EventKinds.QuestionAnswered && e.Subject is { Length: > 0 }).Select(e => e.Subject!)
            .Concat(typed.Events.Where(e => e.Kind == EventKinds.HandoffRequested).Select(_ => new AnswerRef(AnswerRef.Topic, Topics.Handoff).Payload)).ToList();
        var stayed = Where(typed.State) == row.Prompt && answered.Count == 0;
        var buttons = at.Replies.SelectMany(r => r.QuickReplies).ToList();
        var took = buttons.FirstOrDefault(b => Same(Send(engine, at, null, b.Id, time), typed, []));
        var did = stayed ? "asked again"
            : took is not null ? $"took [{took.Label}]"
            : answered.Count > 0 ? $"answered {answered[0]}, at {Where(typed.State)}"
            : $"went to {(Where(typed.State) is { Length: > 0 } w ? w : "no prompt")}: {First(typed)}";
        if (answered.Any(row.Also.Contains))
        {
            return new ReplyOutcome(row, ReplyVerdict.Understood, did);
        }

        switch (row.Intent)
        {
            case ReplyIntent.Unclear:
                return new ReplyOutcome(row, stayed ? ReplyVerdict.Understood : ReplyVerdict.Wrong, did);
            case ReplyIntent.Question:
                // The honest «I don't know» with the place to ask (logged for staff), then the waiting prompt again, is an
                // answer to a question the content has none for, as a referral is in the answer sets.
                // So is the prompt's own help (why it asks, what a word means), then the prompt again.
                var admitted = typed.Events.Any(e => e.Kind == EventKinds.QuestionUnanswered);
                var explained = typed.Events.Any(e => e.Kind == EventKinds.PromptExplained);
                return new ReplyOutcome(row, stayed && !admitted && !explained ? ReplyVerdict.AskedAgain : took is null ? ReplyVerdict.Understood : ReplyVerdict.Wrong,
                    stayed && explained ? "explained the question and asked again" : stayed && admitted ? "said it has no answer, logged it and asked again" : did);
        }

        var meant = at;
        var typedWords = new List<string>();
        foreach (var step in row.Means)
        {
            if (step.IsButton)
            {
                if (meant.Replies.SelectMany(r => r.QuickReplies).FirstOrDefault(b => b.Label == step.Value) is not { } button)
                {
                    return null; // a writer's guess at what comes next that the dialogs do not ask
                }

                meant = Send(engine, meant, null, button.Id, time);
            }
            else
            {
                typedWords.Add(step.Value);
                meant = Send(engine, meant, step.Value, null, time);
            }
        }

        var verdict = Same(meant, typed, typedWords) ? ReplyVerdict.Understood : stayed ? ReplyVerdict.AskedAgain : ReplyVerdict.Wrong;
        return new ReplyOutcome(row, verdict, verdict == ReplyVerdict.Wrong && Places(meant.State) == Places(typed.State) ? $"{did} (kept {Differ(meant, typed, typedWords)})" : did);
    }

    /// <summary>
    /// The typed reply went where the meant one did: the same prompts waiting, the same values kept, and everything the
    /// meant turn said said too (a typed reply may add a line, e.g. what it understood). Values that are only the words
    /// typed for the meaning (a search word, a name) are not compared, nor «…» quotes of them in the replies.
    /// </summary>
    private static bool Same(Turn meant, Turn typed, IReadOnlyList<string> typedWords)
    {
        if (Places(meant.State) != Places(typed.State))
        {
            return false;
        }

        var typedValues = Values(typed.State).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (!Values(meant.State).Where(v => !typedWords.Contains(v.Value, StringComparer.Ordinal)).All(v => Holds(typedValues.GetValueOrDefault(v.Key), v.Value)))
        {
            return false;
        }

        var said = typed.Replies.Select(r => Unquoted(r.Text)).ToList();
        return meant.Replies.All(r => said.Contains(Unquoted(r.Text), StringComparer.Ordinal));
    }

    /// <summary>Where a typed reply that reached the right place still differs: the values kept, or what was said.</summary>
    private static string Differ(Turn meant, Turn typed, IReadOnlyList<string> typedWords)
    {
        var typedValues = Values(typed.State).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var values = Values(meant.State).Where(v => !typedWords.Contains(v.Value, StringComparer.Ordinal) && !Holds(typedValues.GetValueOrDefault(v.Key), v.Value))
            .Select(v => $"{v.Key}={typedValues.GetValueOrDefault(v.Key) ?? "(none)"}, meant {v.Value}").ToList();
        return values.Count > 0 ? string.Join("; ", values) : "the same values, said differently";
    }

    /// <summary>
    /// A typed value holds what was meant when it has every word of it: several topics named in one message are kept
    /// together («health_insurance credit»), where pressing them one by one leaves the last in the prompt's value.
    /// </summary>
    private static bool Holds(string? typed, string meant) =>
        typed is not null && meant.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains);

    private static string Places(ConversationState state) =>
        string.Join(" > ", state.Stack.Select(f => $"{f.DialogId}/{f.NodeId}{(f.Waiting ? "?" : string.Empty)}"));

    private static IEnumerable<(string Key, string Value)> Values(ConversationState state) =>
        state.Vars.Select(v => ("conversation." + v.Key, v.Value))
            .Concat(state.Stack.SelectMany((f, i) => f.Vars.Select(v => ($"{i}.{v.Key}", v.Value))));

    private static string Unquoted(string text) => Quote().Replace(text, "«»");

    private static string First(Turn turn)
    {
        var text = turn.Replies.Count > 0 ? turn.Replies[0].Text : string.Empty;
        return text.Length > 70 ? text[..70] + "…" : text;
    }

    /// <summary>Who the evaluation's conversations are from, unless a path begins as a registered resident.</summary>
    private static readonly ConversationRef Anonymous = new("eval", "replies", "replies");

    private static Turn Send(IDialogEngine engine, Turn after, string? text, string? payload, TimeProvider time, bool isStart = false)
    {
        var result = engine.RunTurn(after.State, new InboundMessage(after.From, Guid.NewGuid().ToString("N"), time.GetUtcNow(), text, payload, isStart));
        return new Turn(result.State, result.Replies, result.Events, after.From);
    }

    [GeneratedRegex("«[^»]*»")]
    private static partial Regex Quote();

    /// <summary>Where a conversation is after a turn, with what the bot said and logged in it, and who is talking.</summary>
    public sealed record Turn(ConversationState State, IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<TurnEvent> Events, ConversationRef From);
}
