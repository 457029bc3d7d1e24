using System.Text;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// A conversation written as the resident reads it (Bot Framework's .chat files). Lines:
/// <code>
/// # a comment
/// start                 the resident opens the chat
/// start: hai-chau       … through a deep link carrying this payload (a commune's QR code)
/// user: bao hiem y te   the resident types ("user:" alone: a sticker or photo, nothing to read)
/// press: bhyt           the resident presses the button with this id
/// wait: 25h             time passes (h, m or d)
/// date: 2026-12-02      the clock jumps to 8:00 that day, Vietnam time (forward only: facts, rules and map of that day)
/// restart               the host restarts: only the SQLite file survives
/// import: jobs content/samples/jobs.csv    an officer imports a listings file (jobs or courses)
/// bot: first line       what the bot said; "   | more" continues it, "   [A] [B]" are its buttons
/// </code>
/// The runner replays the inputs through the real engine and SQLite and compares every bot line.
/// </summary>
public static class Transcript
{
    public sealed record Step(string Kind, string Argument);

    /// <summary>A rural household of four screened to "poor", start to result: the host tests' shared screening.</summary>
    public const string RuralPoorScreening = "kiem-tra-ho-ngheo.ho-ngheo-nong-thon";

    /// <summary>The inputs of a transcript of the Core tests, by name (without ".chat").</summary>
    public static async Task<IReadOnlyList<Step>> ReadInputsOfAsync(string name) =>
        ReadInputs(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Transcripts", name + ".chat")));

    public static IReadOnlyList<Step> ReadInputs(string text)
    {
        var steps = new List<Step>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(' ') || line.StartsWith("bot:", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? line : line[..colon];
            var argument = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            if (kind is not ("start" or "user" or "press" or "wait" or "date" or "restart" or "import"))
            {
                throw new FormatException($"unknown transcript line: {line}");
            }

            steps.Add(new Step(kind, argument));
        }

        return steps;
    }

    /// <summary>Moves the clock as a "wait:" or "date:" step says (for replays elsewhere); false for any other step.</summary>
    public static bool MoveClock(FakeTimeProvider time, Step step)
    {
        switch (step.Kind)
        {
            case "wait":
                time.Advance(ParseDuration(step.Argument));
                return true;
            case "date":
                var day = DateOnly.ParseExact(step.Argument, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7)));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Replays the inputs and writes the whole transcript as it actually went; <paramref name="inspect"/> then reads the store.</summary>
    public static async Task<string> RunAsync(string text, Func<StoreHarness, Task>? inspect = null)
    {
        using var store = new StoreHarness();
        var header = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        var sb = new StringBuilder();
        foreach (var line in header)
        {
            sb.Append(line).Append('\n');
        }

        foreach (var step in ReadInputs(text))
        {
            sb.Append(step.Kind).Append(step.Argument.Length > 0 ? ": " + step.Argument : string.Empty).Append('\n');
            IReadOnlyList<DeliveredReply> replies = [];
            switch (step.Kind)
            {
                case "start":
                    replies = await store.TurnAsync(null, isStart: true, startPayload: step.Argument.Length > 0 ? step.Argument : null);
                    break;
                case "user":
                    replies = await store.TurnAsync(step.Argument);
                    break;
                case "press":
                    replies = await store.TurnAsync(null, step.Argument);
                    break;
                case "wait" or "date":
                    MoveClock(store.Time, step);
                    break;
                case "restart":
                    store.Restart();
                    break;
                case "import":
                    var parts = step.Argument.Split(' ', 2);
                    await store.ImportAsync(parts[0] == "courses" ? Core.Listings.ListingKind.Course : Core.Listings.ListingKind.Job, parts[1]);
                    break;
            }

            foreach (var reply in replies)
            {
                Append(sb, reply);
            }
        }

        if (inspect is not null)
        {
            await inspect(store);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, DeliveredReply reply)
    {
        var lines = reply.Text.Split('\n');
        sb.Append("bot: ").Append(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            sb.Append(line.Length == 0 ? "   |" : "   | " + line).Append('\n');
        }

        if (reply.Choices.Count > 0)
        {
            sb.Append("   ").AppendJoin(' ', reply.Choices.Select(c => $"[{c.Label}]")).Append('\n');
        }
    }

    private static TimeSpan ParseDuration(string text)
    {
        var value = double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            'h' => TimeSpan.FromHours(value),
            'm' => TimeSpan.FromMinutes(value),
            'd' => TimeSpan.FromDays(value),
            _ => throw new FormatException($"wait takes 30m, 25h or 2d, not {text}"),
        };
    }
}
