using System.CommandLine;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "validate": checks every dialog and content file, printing each problem as file:line:column: message; and that the
/// content is right on the day (today in Vietnam, or --date): every fact a text uses has a confirmed value, no text
/// cites a repealed act (<see cref="ContentCurrency"/>).
/// </summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var date = new Option<string>("--date") { Description = "Check the content as it will be on this day (YYYY-MM-DD); default: today in Vietnam." };
        var command = new Command("validate", "Check every dialog and content file; print each problem as file:line:column: problem. Exit code 1 when there are problems.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(date);
        command.SetAction(async (parse, ct) =>
        {
            if (ReviewContentCommand.Day(parse.GetValue(date)) is not { } day)
            {
                await error.WriteLineAsync("--date phải có dạng YYYY-MM-DD. / --date must be YYYY-MM-DD.");
                return 1;
            }

            var options = ReadOptions([.. parse.UnmatchedTokens]);
            var loaded = InfoBotServices.LoadBotData(options);
            var data = loaded with
            {
                Problems = [.. loaded.Problems, .. ContentCurrency.Check(loaded, BotDataPaths.Resolve(options.DialogsPath), BotDataPaths.Resolve(options.ContentPath), day),
                    .. Answerer.AnswerPrompts.Problems(BotDataPaths.Resolve(options.ContentPath))],
            };
            foreach (var problem in data.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            if (!data.IsValid)
            {
                await error.WriteLineAsync($"{data.Problems.Count} problem(s) found.");
                return 1;
            }

            await output.WriteLineAsync(
                $"OK: {data.Dialogs.All.Count} dialogs, {data.Content.Articles.Count} articles, {data.Content.Facts.Count} facts, {data.Content.Communes.Count} communes, "
                + $"{data.Understanding.Faqs.Count} FAQ entries, {data.Understanding.Examples.Count} example questions, {data.Understanding.PracticeLetters.Count} practice letters.");
            return 0;
        });
        return command;
    }

    /// <summary>Where dialogs/ and content/ are, from appsettings.json, the environment and --InfoBot:… arguments.</summary>
    public static InfoBotOptions ReadOptions(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return configuration.GetSection(InfoBotOptions.Section).Get<InfoBotOptions>() ?? new InfoBotOptions();
    }
}
