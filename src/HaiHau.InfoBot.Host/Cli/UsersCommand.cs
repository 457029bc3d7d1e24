using System.CommandLine;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage.Audit;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "users add --email … --role Admin [--commune …] [--password-stdin]": creates a console account (the first admin
/// this way). Without --password-stdin a password is generated and printed once, to standard output only; passwords
/// are never logged.
/// </summary>
public static class UsersCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail (its sign-in name).", Required = true };
        var role = new Option<string>("--role") { Description = "Admin, Officer or CommunicationStaff.", Required = true };
        var commune = new Option<string?>("--commune") { Description = "Limit the account to one commune (code or name, e.g. hai-an or \"Hải An\")." };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var add = new Command("add", "Create a console account; prints a generated password once unless --password-stdin.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        add.Options.Add(email);
        add.Options.Add(role);
        add.Options.Add(commune);
        add.Options.Add(fromStdin);
        add.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(fromStdin) ? (await input.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : null;
            if (parse.GetValue(fromStdin) && string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("No password on standard input.");
                return 1;
            }

            using var host = await VerbHost.StartAsync([.. parse.UnmatchedTokens], null, ct);
            using var scope = host.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<ConsoleAccounts>();
            var by = new AuditEntry("cli", $"cli:{Environment.UserName}", AuditActions.AccountCreated);
            var result = await accounts.CreateAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(commune), password, by, ct);
            await host.StopAsync(CancellationToken.None);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync(problem);
                }

                return 1;
            }

            await output.WriteLineAsync($"Created {result.User!.Email} ({parse.GetValue(role)}).");
            if (result.GeneratedPassword is not null)
            {
                await output.WriteLineAsync($"Password (shown once): {result.GeneratedPassword}");
            }

            return 0;
        });
        return new Command("users", "Console accounts.") { add };
    }
}
