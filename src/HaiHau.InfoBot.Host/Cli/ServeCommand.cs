using System.CommandLine;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Host.Setup;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>"serve": runs the bot: web chat on http://localhost:5080, channels as configured.</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter error)
    {
        var command = new Command("serve", "Run the bot: web chat at http://localhost:5080 (override with --urls), channels as configured.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, ct) => RunAsync([.. parse.UnmatchedTokens], error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken ct)
    {
        var app = InfoBotWeb.Build(args);
        StartUpMemory.ReleaseOnceWarm(app.Services, app.Lifetime);
        try
        {
            await app.RunAsync(ct);
            return 0;
        }
        catch (ContentInvalidException ex)
        {
            await error.WriteLineAsync("The bot cannot start: its dialogs or content have problems.");
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"The bot cannot start: a setting is wrong. {string.Join(" ", ex.Failures)}");
            return 2;
        }
    }
}
