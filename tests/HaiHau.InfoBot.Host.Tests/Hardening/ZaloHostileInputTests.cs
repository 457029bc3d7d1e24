using System.Globalization;
using System.Net;
using System.Text;
using HaiHau.InfoBot.Host.Tests.Zalo;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// Hostile webhook calls on POST /webhooks/zalo: the signature is checked over the raw body before any field is
/// decoded, so a forged call is 401 whatever it holds, and a signed call with unreadable text is 400, not 500.
/// Nothing is stored and nothing is sent.
/// </summary>
public sealed class ZaloHostileInputTests(ZaloHostileInputTests.Host host) : IClassFixture<ZaloHostileInputTests.Host>
{
    public sealed class Host : HostTestBase, IAsyncLifetime
    {
        public ZaloBed Bed { get; private set; } = null!;

        public async Task InitializeAsync() => Bed = await ZaloBed.StartAsync(Folder);

        public async Task DisposeAsync() => await Bed.DisposeAsync();
    }

    private ZaloBed Bed => host.Bed;

    /// <summary>
    /// {text} goes into message.text and {ts} is the current epoch-ms timestamp; "signed" says whether the call carries
    /// the right signature over these exact bytes (else a forged one).
    /// </summary>
    public static TheoryData<string, string, bool, int> Calls => new()
    {
        { "lone surrogate in text, signed", Text("\\ud800"), true, 400 },
        { "lone low surrogate in text, signed", Text("bảo \\udc00 hiểm"), true, 400 },
        { "lone surrogate in sender.id, signed", Text("xin chào").Replace("246845883529197922", "\\ud800", StringComparison.Ordinal), true, 400 },
        { "lone surrogate in text, forged", Text("\\ud800"), false, 401 },
        { "lone surrogate in the timestamp, forged", Text("x").Replace("\"timestamp\":\"{ts}\"", "\"timestamp\":\"\\ud800\"", StringComparison.Ordinal), false, 401 },
        { "lone surrogate before the timestamp key, forged", """{"\ud800":1,"timestamp":"{ts}"}""", false, 401 },
        { "broken JSON after the timestamp, forged", """{"timestamp":"{ts}","event_name":""", false, 401 },
        { "broken JSON after the timestamp, signed", """{"timestamp":"{ts}","event_name":""", true, 400 },
        { "not JSON, forged", "timestamp={ts}&x", false, 401 },
        { "no timestamp, forged", """{"event_name":"user_send_text"}""", false, 401 },
        { "timestamp with a sign, signed", Text("x").Replace("\"timestamp\":\"{ts}\"", "\"timestamp\":\"-{ts}\"", StringComparison.Ordinal), true, 401 },
        { "timestamp escaped, signed", Text("x").Replace("\"timestamp\":\"{ts}\"", "\"timestamp\":\"\\u0031{ts}\"", StringComparison.Ordinal), true, 401 },
        { "a JSON array, forged", "[1,2]", false, 401 },
        { "empty body, forged", "", false, 401 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_hostile_call_gets_its_status_and_nothing_is_stored_or_sent(string label, string template, bool signed, int status)
    {
        var stamp = Bed.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(template.Replace("{ts}", stamp, StringComparison.Ordinal));
        var signature = signed ? Bed.Webhooks.Sign(body, stamp) : "mac=" + new string('0', 64);
        var (inboxBefore, sendsBefore) = await CountAsync();

        using var response = await Bed.Webhooks.PostAsync(body, signature);

        Assert.True(status == (int)response.StatusCode, $"{label}: {(int)response.StatusCode}");
        Assert.Equal((inboxBefore, sendsBefore), await CountAsync());
    }

    private static string Text(string text) =>
        "{\"app_id\":\"1234567890123456789\",\"sender\":{\"id\":\"246845883529197922\"},\"recipient\":{\"id\":\"388613280878808645\"},"
        + "\"event_name\":\"user_send_text\",\"message\":{\"text\":\"" + text + "\",\"msg_id\":\"" + Guid.NewGuid().ToString("N")[..20] + "\"},\"timestamp\":\"{ts}\"}";

    private async Task<(int Inbox, int Sends)> CountAsync()
    {
        await using var db = await Bed.DbAsync();
        return (await db.Inbox.CountAsync(), Bed.Zalo.SendCalls);
    }
}
