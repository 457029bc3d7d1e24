using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>The "telegram" verbs against the fake Bot API: what an operator types and reads.</summary>
public sealed class TelegramCommandTests : IAsyncLifetime
{
    private const string Url = "https://bot.haihau.example/webhooks/telegram";
    private FakeTelegramApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeTelegramApi.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Set_webhook_registers_the_url_with_the_secret_and_only_the_updates_the_bot_uses()
    {
        var (code, output, _) = await RunAsync("telegram", "set-webhook", "--drop-pending-updates");

        Assert.Equal(0, code);
        var hook = _fake.Webhook!;
        Assert.Equal(Url, hook.Url);
        Assert.Equal(TelegramRig.Secret, hook.SecretToken);
        Assert.Equal(["message", "callback_query", "my_chat_member"], hook.AllowedUpdates);
        Assert.True(_fake.Requests.Single(r => r.Method == "setWebhook").Body["drop_pending_updates"]!.GetValue<bool>());
        Assert.Contains($"Webhook: {Url}", output, StringComparison.Ordinal);
        Assert.Contains($"https://t.me/{FakeTelegramApi.BotUsername}?start=hai-chau", output, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramRig.Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_info_shows_the_webhook_and_the_updates_waiting()
    {
        await RunAsync("telegram", "set-webhook");
        _fake.Enqueue(new FakeTelegramUser(5).Text("Xin chào"));

        var (code, output, _) = await RunAsync("telegram", "webhook-info");

        Assert.Equal(0, code);
        Assert.Contains($"Bot: @{FakeTelegramApi.BotUsername}", output, StringComparison.Ordinal);
        Assert.Contains($"Webhook: {Url}", output, StringComparison.Ordinal);
        Assert.Contains("Updates waiting at Telegram: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_webhook_removes_it_so_the_bot_can_poll()
    {
        await RunAsync("telegram", "set-webhook");

        var (code, output, _) = await RunAsync("telegram", "delete-webhook");
        var (_, info, _) = await RunAsync("telegram", "webhook-info");

        Assert.Equal(0, code);
        Assert.Null(_fake.Webhook);
        Assert.Contains("Webhook deleted", output, StringComparison.Ordinal);
        Assert.Contains("Webhook: none (the bot polls)", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_verbs_say_what_to_set()
    {
        var (code, _, error) = await RunCommandAsync(["telegram", "webhook-info"]);

        Assert.Equal(2, code);
        Assert.Contains("InfoBot:Telegram:BotToken is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_is_reported_without_showing_it()
    {
        var (code, _, error) = await RunCommandAsync(["telegram", "webhook-info", "--InfoBot:Telegram:BotToken=999:WRONG-token", $"--InfoBot:Telegram:ApiBaseUrl={_fake.BaseUrl}"]);

        Assert.Equal(1, code);
        Assert.Contains("Telegram refused (401)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-token", error, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] verb) => RunCommandAsync(
    [
        .. verb,
        $"--InfoBot:Telegram:BotToken={FakeTelegramApi.Token}",
        $"--InfoBot:Telegram:ApiBaseUrl={_fake.BaseUrl}",
        "--InfoBot:Telegram:Mode=Webhook",
        $"--InfoBot:Telegram:WebhookUrl={Url}",
        $"--InfoBot:Telegram:WebhookSecret={TelegramRig.Secret}",
    ]);

    private static async Task<(int Code, string Output, string Error)> RunCommandAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = InfoBotCommandLine.Create(new StringReader(string.Empty), output, error).Parse(args);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
