using System.CommandLine;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>The verbs of the one executable. Unknown options (--urls, --InfoBot:…=…) pass through to the host's configuration.</summary>
public static class InfoBotCommandLine
{
    public static RootCommand Create(TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        input ??= Console.In;
        output ??= Console.Out;
        error ??= Console.Error;

        var root = new RootCommand(
            "HaiHau.InfoBot – trợ lý hỏi đáp giảm nghèo bền vững huyện Hải Hậu.\n"
            + "Without a verb it runs the bot (same as 'serve'). Settings can be given as --Section:Key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => ServeCommand.RunAsync([.. parse.UnmatchedTokens], error, ct));
        root.Subcommands.Add(ServeCommand.Create(error));
        root.Subcommands.Add(ChatCommand.Create(input, output, error));
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(ScreenCommand.Create(output, error));
        root.Subcommands.Add(ReviewContentCommand.Create(output, error));
        root.Subcommands.Add(ImportCommand.Create(output, error));
        root.Subcommands.Add(TelegramCommand.Create(output, error));
        root.Subcommands.Add(ClassifyCommand.Create(input, output, error));
        root.Subcommands.Add(EvalCommand.Create(output, error));
        root.Subcommands.Add(UsersCommand.Create(input, output, error));
        root.Subcommands.Add(ReportReachCommand.Create(output, error));
        root.Subcommands.Add(HealthcheckCommand.Create(error));
        root.Subcommands.Add(DbCommand.Create(output, error));
        root.Subcommands.Add(PrepareUnderstandingCommand.Create(output, error));
        return root;
    }

    /// <summary>Runs with exceptions left to the caller: the test host stops the entry point by throwing one.</summary>
    public static Task<int> InvokeAsync(this ParseResult parse) =>
        parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
