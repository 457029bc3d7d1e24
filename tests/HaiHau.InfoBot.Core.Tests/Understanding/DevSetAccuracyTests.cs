using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// Top-1 topic accuracy on the development set, with and without diacritics, as the bot acts on it (a question it
/// does not understand counts as "unknown"). The confusion table goes to the test output: read it before adding
/// examples, and add breadth, never the failing sentence itself.
/// </summary>
public sealed class DevSetAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void At_least_77_percent_with_and_without_diacritics()
    {
        var understanding = EngineHarness.Repo.Questions;
        var items = DevSet.Load();

        var with = Measure(understanding, items, i => i.Question, "with diacritics");
        var without = Measure(understanding, items, i => DevSet.WithoutDiacritics(i.Question), "without diacritics");

        // Was 90% / 85% with the 31 old FAQ entries. Issue 12 added ~120 entries whose topic is their article's, and the
        // honest "I don't know" (a weakly covered answer is a referral, acted on as "unknown"): measured 82.7% at coverage 0.42; 77.8% at the cross-validated 0.48 (more honest referrals, fewer confident wrong answers).
        Assert.True(with >= 0.77, $"accuracy with diacritics {with:P1} < 77%");
        Assert.True(without >= 0.77, $"accuracy without diacritics {without:P1} < 77%");
    }

    private double Measure(QuestionUnderstanding understanding, IReadOnlyList<DevSet.Item> items, Func<DevSet.Item, string> text, string title)
    {
        var topics = EngineHarness.Repo.Understanding.Registry.Classes.ToList();
        var confusion = new int[topics.Count, topics.Count];
        var correct = 0;
        var argmaxCorrect = 0;
        var decisions = new Dictionary<QuestionDecision, int>();
        var misses = new List<string>();
        foreach (var item in items)
        {
            var result = understanding.Understand(text(item));
            confusion[topics.IndexOf(item.Topic), topics.IndexOf(result.Topic)]++;
            decisions[result.Decision] = decisions.GetValueOrDefault(result.Decision) + 1;
            argmaxCorrect += result.Best.Topic == item.Topic ? 1 : 0;
            if (result.Topic == item.Topic)
            {
                correct++;
            }
            else
            {
                misses.Add($"  line {item.Line}: {item.Topic} → {result.Topic} ({result.Best.Topic} {result.Best.Confidence:0.00}, {result.RunnerUp?.Topic} {result.RunnerUp?.Confidence:0.00}, {result.Decision}): {text(item)}");
            }
        }

        var accuracy = correct / (double)items.Count;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title}: {correct}/{items.Count} = {accuracy:P1} as acted on; best topic right {argmaxCorrect / (double)items.Count:P1}; decisions {string.Join(", ", decisions.Select(d => $"{d.Key} {d.Value}"))}");
        sb.AppendLine("rows = expected, columns = answered");
        var heads = topics.Select(Short).ToList();
        sb.AppendLine("        " + string.Join(' ', heads.Select(h => h.PadLeft(5))));
        for (var r = 0; r < topics.Count; r++)
        {
            sb.Append(heads[r].PadRight(8));
            for (var c = 0; c < topics.Count; c++)
            {
                sb.Append((confusion[r, c] == 0 ? "." : confusion[r, c].ToString(CultureInfo.InvariantCulture)).PadLeft(6));
            }

            sb.AppendLine();
        }

        sb.AppendLine("misses:");
        misses.ForEach(m => sb.AppendLine(m));
        output.WriteLine(sb.ToString());
        return accuracy;
    }

    private static string Short(string topic) => topic switch
    {
        "eligibility" => "elig",
        "health_insurance" => "bhyt",
        "credit" => "cred",
        "vocational_training" => "voc",
        "jobs" => "jobs",
        "housing" => "house",
        "other_support" => "other",
        "registration" => "reg",
        "greeting" => "greet",
        "handoff" => "hand",
        "opt_out" => "optout",
        "erase_data" => "erase",
        _ => "unk",
    };
}
