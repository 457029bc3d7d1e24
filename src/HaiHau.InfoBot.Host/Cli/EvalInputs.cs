using System.CommandLine;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>What an `eval` verb reads before it runs: its labelled file, and the bot's content and dialogs, valid.</summary>
/// <param name="Exit">Non-zero when something could not be read (then the rest is empty): 2 for the file, 1 for the bot's data.</param>
internal sealed record EvalInputs<T>(BotData? Data, IReadOnlyList<T> Rows, int Exit);

internal static class EvalInputs
{
    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="parse"/> and loads the bot's data (content and dialogs from the
    /// options left on the command line); every problem is written to <paramref name="error"/>.
    /// </summary>
    public static async Task<EvalInputs<T>> ReadAsync<T>(FileInfo path, ParseResult command, Func<string[], IReadOnlyList<T>> parse, TextWriter error, CancellationToken ct)
    {
        if (!path.Exists)
        {
            // `dotnet run --project` starts the host in its project folder, so a path relative to the repository
            // root is read from there: say so, since the README's command gives "$PWD/…".
            await error.WriteLineAsync($"{path.FullName}: no such file (a relative path is read from {Directory.GetCurrentDirectory()}; give the full path, e.g. \"$PWD/tests/…\")");
            return new(null, [], 2);
        }

        var data = InfoBotServices.LoadBotData(ValidateCommand.ReadOptions([.. command.UnmatchedTokens]));
        if (!data.IsValid)
        {
            foreach (var problem in data.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return new(null, [], 1);
        }

        try
        {
            return new(data, parse(await File.ReadAllLinesAsync(path.FullName, ct)), 0);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"{path.FullName}: {e.Message}");
            return new(null, [], 2);
        }
    }
}
