using System.CommandLine;
using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "eval replies FILE": every reply of a reply evaluation file (tests/…/Replies/replyset.tsv) typed at its dialog's
/// prompt, reached by the prompt's path (reply-paths.tsv beside the file), and judged against pressing or typing what
/// it means; prints understood, asked-again and wrong shares and the rows not understood. The sample listings of
/// content/samples stand in for the register's jobs and courses, and one registered resident for the registrations
/// (<see cref="RegisteredInEvaluation"/>), so every prompt can be reached. No database.
/// </summary>
internal static class EvalRepliesCommand
{
    public const string PathsFile = "reply-paths.tsv";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tab-separated: id, prompt, reply, means, source, note (header line first)." };
        var quiet = new Option<bool>("--figures-only") { Description = "Print the figures without the list of replies not understood." };
        var on = new Option<DateOnly?>("--on")
        {
            Description = "The day the conversations happen (default today). The sample listings close on their own dates: after that, give a day they are open, e.g. --on 2026-12-06.",
        };
        var replies = new Command("replies", "Measure whether replies typed at the dialogs' prompts are read as the buttons they mean.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        replies.Arguments.Add(file);
        replies.Options.Add(quiet);
        replies.Options.Add(on);
        replies.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var pathsFile = Path.Combine(path.DirectoryName ?? ".", PathsFile);
            if (!path.Exists || !File.Exists(pathsFile))
            {
                await error.WriteLineAsync($"{(path.Exists ? pathsFile : path.FullName)}: no such file (a relative path is read from {Directory.GetCurrentDirectory()}; give the full path, e.g. \"$PWD/tests/…\")");
                return 2;
            }

            var options = ValidateCommand.ReadOptions([.. parse.UnmatchedTokens]);
            var data = InfoBotServices.LoadBotData(options);
            if (!data.IsValid)
            {
                foreach (var problem in data.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                return 1;
            }

            IReadOnlyList<ReplySetRow> rows;
            IReadOnlyDictionary<string, IReadOnlyList<string>> paths;
            try
            {
                rows = ReplySet.Parse(await File.ReadAllLinesAsync(path.FullName, ct));
                paths = ReplyPaths.Parse(await File.ReadAllLinesAsync(pathsFile, ct));
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync($"{path.FullName}: {e.Message}");
                return 2;
            }

            var samples = Path.Combine(BotDataPaths.Resolve(options.ContentPath), "samples");
            var day = parse.GetValue(on) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
            var clock = new DayClock(day);
            var listings = new SampleListings(samples, data.Content, day);
            var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, clock, new EngineOptions(), listings, data.Questions, new RegisteredInEvaluation()));
            try
            {
                var (outcomes, notJudged) = ReplyEvaluator.Run(engine, rows, paths, clock);
                var report = new ReplyReport(outcomes, notJudged);
                await output.WriteAsync(report.Format(listMisses: !parse.GetValue(quiet)));
                return 0;
            }
            catch (InvalidOperationException e)
            {
                // A path that no longer reaches its prompt (rows whose meaning does not fit are reported, not thrown).
                await error.WriteLineAsync($"{path.FullName}: {e.Message} (a listing prompt not reached on {day:dd/MM/yyyy}? the sample listings close on their own dates: give --on a day they are open)");
                return 2;
            }
        });

        return replies;
    }

    /// <summary>Noon of one day in Vietnam, standing still: the same day for every conversation of the run.</summary>
    private sealed class DayClock(DateOnly day) : TimeProvider
    {
        private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), Vietnam).ToUniversalTime();
    }
}
