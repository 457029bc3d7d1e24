using System.CommandLine;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "eval answers FILE": runs every question of an answer evaluation file (realset.tsv format, see the content
/// contract) through the real engine, each in a fresh conversation, and prints fit, confident-wrong, referred and
/// asked-back shares overall and per topic, the confusion and the rows that did not fit; with --why, the cause of
/// each referral of a row labelled with an entry. No database is opened.
/// </summary>
public static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tab-separated: id, kind, question, accept, source, note (header line first)." };
        var quiet = new Option<bool>("--figures-only") { Description = "Print the figures without the list of rows that did not fit." };
        var why = new Option<bool>("--why") { Description = "Also say why each row labelled with an entry was referred (where the entry ranked, its coverage, the ask found)." };
        var answerer = new Option<string?>("--answerer") { Description = "\"llm\": also run the configured model (InfoBot:Answerer) and print its figures next to retrieval's." };
        var answers = new Command("answers", "Measure whether the answers the bot gives are the ones the file accepts.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        answers.Arguments.Add(file);
        answers.Options.Add(quiet);
        answers.Options.Add(answerer);
        answers.Options.Add(why);
        answers.SetAction(async (parse, ct) =>
        {
            var (data, rows, exit) = await EvalInputs.ReadAsync(parse.GetValue(file)!, parse, AnswerSet.Parse, error, ct);
            if (data is null)
            {
                return exit;
            }

            var engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, TimeProvider.System, new EngineOptions(), null, data.Questions));
            var outcomes = AnswerEvaluator.Run(engine, rows, TimeProvider.System);
            var report = new AnswerReport(outcomes, AnswerTopics.Resolver(data.Questions, data.Content));
            await output.WriteAsync(report.Format(listMisses: !parse.GetValue(quiet)));
            if (parse.GetValue(why))
            {
                await output.WriteAsync(AnswerDiagnosis.Format(AnswerDiagnosis.Of(outcomes, data.Questions)));
            }

            return parse.GetValue(answerer) is { } which ? await EvaluateAnswererAsync(which, parse, data, rows, output, error, ct) : 0;
        });

        return new Command("eval", "Evaluate the bot on a labelled set of questions, or of replies typed inside its dialogs.") { answers, EvalRepliesCommand.Create(output, error), EvalFollowUpsCommand.Create(output, error) };
    }

    /// <summary>The optional answerer on the same rows (issue 17): so a commune can judge a model before residents see it.</summary>
    private static async Task<int> EvaluateAnswererAsync(
        string which, ParseResult parse, HaiHau.InfoBot.Content.BotData data, IReadOnlyList<AnswerSetRow> rows, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var configuration = CliConfiguration.Build(parse);
        if (which != "llm" || !Answerer.AnswererSetup.IsOn(configuration))
        {
            await error.WriteLineAsync(which != "llm"
                ? "--answerer: the only answerer is \"llm\"."
                : "--answerer llm needs InfoBot:Answerer:Endpoint (and Model), e.g. --InfoBot:Answerer:Endpoint=http://127.0.0.1:11434/v1");
            return 2;
        }

        var evaluation = await Answerer.AnswererEvaluation.RunAsync(data, configuration, rows, TimeProvider.System, ct);
        await output.WriteLineAsync();
        await output.WriteAsync(evaluation.Format(configuration[$"{Answerer.AnswererOptions.Section}:Model"] ?? "?"));
        return 0;
    }
}
