using System.Net;
using System.Text;
using System.Text.Json;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Host.Tests.WebChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// Hostile bodies on POST /api/webchat/messages (from the attack run of issue 14): each is refused with its status and
/// a Vietnamese error, and nothing reaches the inbox or the outbox.
/// </summary>
public sealed class WebChatHostileInputTests(WebChatHostileInputTests.Host host) : IClassFixture<WebChatHostileInputTests.Host>
{
    public sealed class Host : HostTestBase, IAsyncLifetime
    {
        public InfoBotApp App { get; private set; } = null!;

        public string ConversationId { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            App = NewApp();
            ConversationId = (await new WebChatClient(App.CreateClient()).StartAsync()).ConversationId;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>{id} stands for the live conversation's id; the bodies are sent as these exact characters.</summary>
    public static TheoryData<string, string, int> Bodies => new()
    {
        { "lone high surrogate in text", """{"conversationId":"{id}","text":"\ud800"}""", 400 },
        { "lone low surrogate inside text", """{"conversationId":"{id}","text":"bảo \udc00 hiểm"}""", 400 },
        { "reversed pair in text", """{"conversationId":"{id}","text":"\udc00\ud800"}""", 400 },
        { "lone surrogate in choice", """{"conversationId":"{id}","choice":"\udfff"}""", 400 },
        { "lone surrogate in clientMessageId", """{"conversationId":"{id}","clientMessageId":"\ud800","text":"xin chào"}""", 400 },
        { "lone surrogate in conversationId", """{"conversationId":"\ud800abcdefghij","text":"xin chào"}""", 400 },
        { "lone surrogate in an unused field", """{"conversationId":"{id}","text":"xin chào","x":"\ud800"}""", 200 },
        { "a JSON string, not an object", "\"\\ud800\"", 400 },
        { "not JSON", "{\"conversationId\":", 400 },
        { "empty body", "", 400 },
        { "an array", "[]", 400 },
        { "nested too deep", new string('[', 64) + new string(']', 64), 400 },
        { "text as a number", """{"conversationId":"{id}","text":12}""", 400 },
        { "unknown conversation", """{"conversationId":"wffffffffffffffffffffffffffffffff","text":"xin chào"}""", 404 },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_body_gets_its_status_and_nothing_is_stored_or_sent(string label, string body, int status)
    {
        var (inboxBefore, outboxBefore) = await CountAsync();
        var raw = Encoding.UTF8.GetBytes(body.Replace("{id}", host.ConversationId, StringComparison.Ordinal));

        using var response = await PostAsync(raw);

        Assert.True(status == (int)response.StatusCode, $"{label}: {(int)response.StatusCode}");
        var (inboxAfter, outboxAfter) = await CountAsync();
        if (status == 200)
        {
            Assert.Equal(inboxBefore + 1, inboxAfter); // the control row: an ignored field does not spoil a good message
            return;
        }

        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
        Assert.Equal((inboxBefore, outboxBefore), (inboxAfter, outboxAfter));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_a_bad_request()
    {
        var (inboxBefore, outboxBefore) = await CountAsync();
        var raw = Encoding.UTF8.GetBytes($$"""{"conversationId":"{{host.ConversationId}}","text":"X"}""");
        raw[Array.IndexOf(raw, (byte)'X')] = 0xFF;

        using var response = await PostAsync(raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((inboxBefore, outboxBefore), await CountAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] raw)
    {
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await host.App.CreateClient().PostAsync(new Uri("/api/webchat/messages", UriKind.Relative), content);
    }

    private async Task<(int Inbox, int Outbox)> CountAsync()
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return (await db.Inbox.CountAsync(), await db.Outbox.CountAsync());
    }
}
