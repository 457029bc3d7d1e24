using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// Hostile calls on POST /webhooks/telegram (issue 14's table, beside the web chat's and Zalo's): the secret token is
/// checked before the body is read, so a call without it is 403 whatever it holds; a body that is not a Telegram
/// update is 400, never 500; a malformed update is 200 (so Telegram does not repeat it) and dropped. None of them is
/// stored, and the bot sends nothing to anyone.
/// </summary>
public sealed class TelegramHostileInputTests(TelegramHostileInputTests.Host host) : IClassFixture<TelegramHostileInputTests.Host>
{
    private const long Lan = 123456789;

    private static int _nextId = 700000001;

    public sealed class Host : HostTestBase, IAsyncLifetime
    {
        public TelegramRig Rig { get; private set; } = null!;

        public async Task InitializeAsync() => Rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);

        public async Task DisposeAsync() => await Rig.DisposeAsync();
    }

    private TelegramRig Rig => host.Rig;

    /// <summary>
    /// Bodies as these exact characters: {text} is a real message's text, {ff} becomes the byte 0xFF, {id} a fresh
    /// update id. The secret is the right one, none, or a wrong one.
    /// </summary>
    public static TheoryData<string, string, string, int> Calls => new()
    {
        { "lone high surrogate in text", Message("\\ud800"), "right", 400 },
        { "lone low surrogate inside text", Message("bảo \\udc00 hiểm"), "right", 400 },
        { "reversed surrogate pair in text", Message("\\udc00\\ud800"), "right", 400 },
        { "lone surrogate in first_name", Message("xin chào").Replace("\"Lan\"", "\"\\ud800\"", StringComparison.Ordinal), "right", 400 },
        { "lone surrogate in text, no secret", Message("\\ud800"), "none", 403 },
        { "lone surrogate in text, wrong secret", Message("\\ud800"), "wrong", 403 },
        { "a real message, wrong secret", Message("xin chào"), "wrong", 403 },
        { "a real message, no secret", Message("xin chào"), "none", 403 },
        { "bytes that are not UTF-8", Message("xin {ff} chào"), "right", 400 },
        { "not JSON", "{\"update_id\":", "right", 400 },
        { "empty body", "", "right", 400 },
        { "JSON null", "null", "right", 400 },
        { "a JSON array", "[]", "right", 400 },
        { "a JSON string", "\"\\ud800\"", "right", 400 },
        { "nested too deep", new string('[', 80) + new string(']', 80), "right", 400 },
        { "update_id as text", Message("xin chào").Replace("\"update_id\":{id}", "\"update_id\":\"abc\"", StringComparison.Ordinal), "right", 400 },
        { "chat id beyond a 64-bit number", Message("xin chào").Replace("\"chat\":{\"id\":123456789", "\"chat\":{\"id\":123456789123456789123456789", StringComparison.Ordinal), "right", 400 },
        { "message without chat", Message("xin chào").Replace(",\"chat\":{\"id\":123456789,\"first_name\":\"Lan\",\"type\":\"private\"}", string.Empty, StringComparison.Ordinal), "right", 200 },
        { "message without from", Message("xin chào").Replace("\"from\":{\"id\":123456789,\"is_bot\":false,\"first_name\":\"Lan\"},", string.Empty, StringComparison.Ordinal), "right", 200 },
        { "a body over the webhook limit", Message(new string('a', WebhookApi.MaxBodyBytes)), "right", 413 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_hostile_call_gets_its_status_and_nothing_is_stored_or_sent(string label, string template, string secret, int status)
    {
        var (inboxBefore, outboxBefore) = await CountAsync();
        var sendsBefore = Sends();

        using var response = await PostAsync(Bytes(template), secret);

        Assert.True(status == (int)response.StatusCode, $"{label}: {(int)response.StatusCode}");
        Assert.Equal((inboxBefore, outboxBefore), await CountAsync());
        Assert.Equal(sendsBefore, Sends());
    }

    [Fact]
    public async Task The_same_call_written_right_is_stored_and_answered()
    {
        var (inboxBefore, _) = await CountAsync();

        // The rows above hold only because of what they break: this body is theirs, unbroken, with the right secret.
        var sent = await Rig.SayAsync(System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(Bytes(Message("xin chào"))))!.AsObject());

        Assert.Equal(inboxBefore + 1, (await CountAsync()).Inbox);
        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.Equal(Lan, m.ChatId));
    }

    private static string Message(string text) =>
        "{\"update_id\":{id},\"message\":{\"message_id\":{id},\"from\":{\"id\":123456789,\"is_bot\":false,\"first_name\":\"Lan\"},"
        + "\"chat\":{\"id\":123456789,\"first_name\":\"Lan\",\"type\":\"private\"},\"date\":1718000000,\"text\":\"" + text + "\"}}";

    private static byte[] Bytes(string template)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var parts = template.Replace("{id}", id, StringComparison.Ordinal).Split("{ff}");
        return parts.Select(Encoding.UTF8.GetBytes).Aggregate((a, b) => [.. a, 0xFF, .. b]);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret != "none")
        {
            request.Headers.Add(TelegramAdapter.SecretHeader, secret == "right" ? TelegramRig.Secret : "not-" + TelegramRig.Secret);
        }

        return await Rig.App.CreateClient().SendAsync(request);
    }

    private int Sends() => Rig.Fake.Requests.Count(r => r.Method is "sendMessage" or "answerCallbackQuery" or "editMessageReplyMarkup");

    private async Task<(int Inbox, int Outbox)> CountAsync()
    {
        await using var db = await Rig.Db();
        return (await db.Inbox.CountAsync(), await db.Outbox.CountAsync());
    }
}
