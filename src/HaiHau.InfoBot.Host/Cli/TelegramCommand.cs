using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HaiHau.InfoBot.Channels.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "telegram set-webhook | webhook-info | delete-webhook": registers the bot's webhook with Telegram (with the secret
/// token and only the updates the bot uses), shows what Telegram has, or removes it so the bot can poll.
/// Settings as for "serve": appsettings.json, environment variables, user-secrets, --InfoBot:Telegram:…=….
/// </summary>
public static class TelegramCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("telegram", "Manage the Telegram webhook: set-webhook, webhook-info, delete-webhook.");

        var drop = DropOption();
        var set = Verb("set-webhook", "Register InfoBot:Telegram:WebhookUrl with Telegram, with the secret token and the updates the bot uses.", output, error,
            async (bot, options, parse, ct) =>
            {
                if (string.IsNullOrWhiteSpace(options.WebhookUrl) || string.IsNullOrEmpty(options.WebhookSecret))
                {
                    await error.WriteLineAsync("Set InfoBot:Telegram:WebhookUrl (https://YOUR-HOST/webhooks/telegram) and InfoBot:Telegram:WebhookSecret first.");
                    return 2;
                }

                await bot.Client.SetWebhook(options.WebhookUrl, allowedUpdates: TelegramMapping.WantedUpdates, dropPendingUpdates: parse.GetValue(drop),
                    secretToken: options.WebhookSecret, cancellationToken: ct);
                await output.WriteLineAsync($"Webhook set: {options.WebhookUrl}");
                if (options.Mode != TelegramMode.Webhook)
                {
                    await output.WriteLineAsync("Note: InfoBot:Telegram:Mode is Polling; set it to Webhook, or the bot will remove this webhook when it starts polling.");
                }

                return await ShowInfoAsync(bot.Client, output, ct);
            });
        set.Options.Add(drop);

        var info = Verb("webhook-info", "Show the bot, its webhook as Telegram has it, and the updates waiting.", output, error,
            (bot, _, _, ct) => ShowInfoAsync(bot.Client, output, ct));

        var dropToo = DropOption();
        var delete = Verb("delete-webhook", "Remove the webhook (needed before polling).", output, error,
            async (bot, _, parse, ct) =>
            {
                await bot.Client.DeleteWebhook(dropPendingUpdates: parse.GetValue(dropToo), cancellationToken: ct);
                await output.WriteLineAsync("Webhook deleted: the bot can poll now (InfoBot:Telegram:Mode = Polling).");
                return 0;
            });
        delete.Options.Add(dropToo);

        command.Subcommands.Add(set);
        command.Subcommands.Add(info);
        command.Subcommands.Add(delete);
        return command;
    }

    private static Option<bool> DropOption() =>
        new("--drop-pending-updates") { Description = "Also discard the updates Telegram still holds for the bot." };

    private static Command Verb(
        string name, string description, TextWriter output, TextWriter error,
        Func<BotHandle, TelegramOptions, ParseResult, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (parse, ct) =>
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([.. parse.UnmatchedTokens]);
            var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
            if (!options.HasToken())
            {
                await error.WriteLineAsync("InfoBot:Telegram:BotToken is not set (environment variable InfoBot__Telegram__BotToken, or user-secrets).");
                return 2;
            }

            var problems = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, problems.Select(p => p.ErrorMessage)));
                return 2;
            }

            using var http = TelegramClient.CreateHttp(options);
            try
            {
                return await run(new BotHandle(TelegramClient.Create(options, http)), options, parse, ct);
            }
            catch (ApiRequestException ex)
            {
                await error.WriteLineAsync($"Telegram refused ({ex.ErrorCode}): {TelegramClient.Redact(ex.Message, options)}");
                return 1;
            }
            catch (RequestException ex)
            {
                await error.WriteLineAsync($"Cannot reach the Bot API at {options.ApiBaseUrl}: {TelegramClient.Redact(ex.Message, options)}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> ShowInfoAsync(ITelegramBotClient bot, TextWriter output, CancellationToken ct)
    {
        var me = await bot.GetMe(ct);
        var hook = await bot.GetWebhookInfo(ct);
        await output.WriteLineAsync($"Bot: @{me.Username} (id {me.Id.ToString(CultureInfo.InvariantCulture)})");
        await output.WriteLineAsync($"Deep link for a commune's QR code: https://t.me/{me.Username}?start=hai-chau");
        await output.WriteLineAsync(string.IsNullOrEmpty(hook.Url) ? "Webhook: none (the bot polls)" : $"Webhook: {hook.Url}");
        await output.WriteLineAsync($"Updates waiting at Telegram: {hook.PendingUpdateCount.ToString(CultureInfo.InvariantCulture)}");
        if (hook.AllowedUpdates is { Length: > 0 } allowed)
        {
            await output.WriteLineAsync($"Update types: {string.Join(", ", allowed.Select(u => u.ToString()))}");
        }

        if (hook.LastErrorDate is { } when)
        {
            await output.WriteLineAsync($"Last delivery error: {when.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC: {hook.LastErrorMessage}");
        }

        return 0;
    }

    /// <summary>
    /// The Bot API client behind a class of ours: a Func over ITelegramBotClient itself would make the runtime load
    /// Telegram.Bot whenever the command line is built, for every verb and every start of the bot (issue 15).
    /// </summary>
    private sealed class BotHandle(ITelegramBotClient client)
    {
        public ITelegramBotClient Client { get; } = client;
    }
}
