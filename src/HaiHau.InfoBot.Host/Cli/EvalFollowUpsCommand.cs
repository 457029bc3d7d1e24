using System.CommandLine;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "eval followups FILE": every two-message conversation of a follow-up file (tests/…/FollowUps/*.tsv) through the real
/// engine, the second message in the conversation the first left, and prints the second messages' fit,
/// confident-wrong, referred and asked-back shares (overall, after a first answer that fit, per kind) and the ones that
/// did not fit. No database.
/// </summary>
internal static class EvalFollowUpsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tab-separated: id, first, then, accept_first, accept_then, kind, note (header line first)." };
        var quiet = new Option<bool>("--figures-only") { Description = "Print the figures without the list of second messages that did not fit." };
        var followUps = new Command("followups", "Measure whether a message sent after an answer («thế bao nhiêu tiền», «nộp ở đâu») is answered in its context.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        followUps.Arguments.Add(file);
        followUps.Options.Add(quiet);
        followUps.SetAction(async (parse, ct) =>
        {
            var (data, rows, exit) = await EvalInputs.ReadAsync(parse.GetValue(file)!, parse, FollowUpSet.Parse, error, ct);
            if (data is null)
            {
                return exit;
            }

            var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, TimeProvider.System, new EngineOptions(), null, data.Questions));
            await output.WriteAsync(new FollowUpReport(FollowUpEvaluator.Run(engine, rows, TimeProvider.System)).Format(listMisses: !parse.GetValue(quiet)));
            return 0;
        });

        return followUps;
    }
}
