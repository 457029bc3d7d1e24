using System.CommandLine;
using System.Runtime.CompilerServices;

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

    /// <summary>
    /// The process's entry: a start with settings only (no verb, no help) runs the bot straight away; anything else
    /// goes through the verbs' parser. Building the parser's fourteen verbs and loading System.CommandLine cost the
    /// serving host about 0.6 MB that it kept for its lifetime (issue 15), for a choice already made.
    /// </summary>
    public static Task<int> RunAsync(string[] args) =>
        IsSettingsOnly(args) ? ServeCommand.RunAsync(args, Console.Error, CancellationToken.None) : RunVerbAsync(args);

    /// <summary>
    /// Whether the arguments are only settings, as the configuration's command-line source reads them: "--key=value",
    /// or "--key" followed by its value. A stray word (a verb, even after settings), "--" or a help or version option
    /// is the parser's to read.
    /// </summary>
    internal static bool IsSettingsOnly(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token.Length <= 2 || !token.StartsWith("--", StringComparison.Ordinal) || token is "--help" or "--version")
            {
                return false;
            }

            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++; // its value
            }
        }

        return true;
    }

    // Its own method, never inlined: compiling RunAsync must not resolve the parser's types (that loads the assembly).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> RunVerbAsync(string[] args) => Create().Parse(args).InvokeAsync();

    /// <summary>Runs with exceptions left to the caller: the test host stops the entry point by throwing one.</summary>
    public static Task<int> InvokeAsync(this ParseResult parse) =>
        parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
