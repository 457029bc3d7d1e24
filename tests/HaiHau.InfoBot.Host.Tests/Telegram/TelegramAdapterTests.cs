using System.Text;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>The adapter's sending, through the real Telegram.Bot client to the fake Bot API, without a host.</summary>
public sealed class TelegramAdapterTests : IAsyncLifetime
{
    private static readonly ConversationRef Lan = new("telegram", "123456789", "123456789");
    private FakeTelegramApi _fake = null!;
    private HttpClient _http = null!;
    private TelegramAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramApi.StartAsync();
        var options = new TelegramOptions { BotToken = FakeTelegramApi.Token, ApiBaseUrl = _fake.BaseUrl, WebhookSecret = "s" };
        _http = TelegramClient.CreateHttp(options);
        _adapter = new TelegramAdapter(TelegramClient.Create(options, _http), Options.Create(options), new TelegramStatus(), TimeProvider.System, NullLogger<TelegramAdapter>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_long_reply_goes_out_in_parts_cut_between_sentences_with_the_buttons_on_the_last()
    {
        var sentence = "Người thuộc hộ nghèo được Nhà nước đóng toàn bộ tiền thẻ bảo hiểm y tế. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 130)).Trim(); // about 9,400 characters
        var choices = new[] { new QuickReply("yes", "Có"), new QuickReply("no", "Không") };

        var result = await _adapter.SendAsync(Lan, new OutboundMessage(text, choices), CancellationToken.None);

        var parts = _fake.Delivered;
        Assert.IsType<SendResult.Sent>(result);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 4096));
        Assert.All(parts, p => Assert.EndsWith("y tế.", p.Text, StringComparison.Ordinal)); // never inside a word
        Assert.Equal(text, string.Join(' ', parts.Select(p => p.Text)));
        Assert.Empty(parts[0].Keyboard);
        Assert.Equal(["yes", "no"], parts[^1].ButtonData);
        Assert.Equal(parts[^1].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ((SendResult.Sent)result).ExternalId);
    }

    [Fact]
    public async Task Text_is_escaped_for_telegram_html_and_arrives_as_written()
    {
        const string text = "Thu nhập <1,5 triệu & chi tiêu >2 triệu: xem <b>mục 3</b>";

        await _adapter.SendAsync(Lan, OutboundMessage.Plain(text), CancellationToken.None);

        var sent = Assert.Single(_fake.Delivered);
        Assert.Equal("Thu nhập &lt;1,5 triệu &amp; chi tiêu &gt;2 triệu: xem &lt;b&gt;mục 3&lt;/b&gt;", sent.Text);
        Assert.Equal(text, FakeTelegramHtml.Parse(sent.Text!));
    }

    [Fact]
    public async Task An_article_title_is_bold_and_a_capitalised_word_in_a_sentence_is_not()
    {
        await _adapter.SendAsync(Lan, OutboundMessage.Plain("VAY VỐN ƯU ĐÃI\n\nNgân hàng CSXH cho vay.\n\nBHYT"), CancellationToken.None);

        Assert.Equal("<b>VAY VỐN ƯU ĐÃI</b>\n\nNgân hàng CSXH cho vay.\n\n<b>BHYT</b>", Assert.Single(_fake.Delivered).Text);
    }

    [Fact]
    public async Task After_a_429_in_the_middle_of_a_long_reply_only_the_parts_not_yet_sent_go_out()
    {
        var text = string.Concat(Enumerable.Repeat("Một câu dài vừa phải về chính sách hỗ trợ. ", 200)).Trim();
        _fake.FailNext("sendMessage", FakeTelegramFailure.TooManyRequests(3), when: _ => _fake.Delivered.Count == 1);

        var first = await _adapter.SendAsync(Lan, OutboundMessage.Plain(text), CancellationToken.None);
        var second = await _adapter.SendAsync(Lan, OutboundMessage.Plain(text), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<SendResult.RetryAfter>(first).Delay);
        Assert.IsType<SendResult.Sent>(second);
        var parts = _fake.Delivered.Select(p => p.Text).ToList();
        Assert.Equal(TelegramHtml.Render(text).Count, parts.Count); // the first part was not sent again
        Assert.Equal(text, string.Join(' ', parts));
    }

    public static TheoryData<FakeTelegramFailure, Type, string> Failures() => new()
    {
        { FakeTelegramFailure.TooManyRequests(7), typeof(SendResult.RetryAfter), "Too Many Requests: retry after 7" },
        { FakeTelegramFailure.Blocked, typeof(SendResult.Unreachable), "Forbidden: bot was blocked by the user" },
        { new FakeTelegramFailure.ApiError(403, "Forbidden: user is deactivated"), typeof(SendResult.Unreachable), "Forbidden: user is deactivated" },
        { FakeTelegramFailure.BadRequest("Bad Request: message is too long"), typeof(SendResult.Failed), "Bad Request: message is too long" },
        { new FakeTelegramFailure.ApiError(502, "Bad Gateway"), typeof(SendResult.Transient), "502 Bad Gateway" },
        { new FakeTelegramFailure.ApiError(401, "Unauthorized"), typeof(SendResult.Transient), "check InfoBot:Telegram:BotToken" },
        { FakeTelegramFailure.DropConnection, typeof(SendResult.Transient), string.Empty },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_refusal_becomes_the_outcome_the_outbox_acts_on(FakeTelegramFailure failure, Type expected, string reason)
    {
        _fake.FailNext("sendMessage", failure);

        var result = await _adapter.SendAsync(Lan, OutboundMessage.Plain("Chào bác"), CancellationToken.None);

        Assert.IsType(expected, result);
        var text = result switch
        {
            SendResult.RetryAfter r => r.Reason,
            SendResult.Unreachable u => u.Reason,
            SendResult.Failed f => f.Error,
            SendResult.Transient t => t.Error,
            _ => string.Empty,
        };
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, text, StringComparison.Ordinal);
        Assert.Single(_fake.Requests, r => r.Method == "sendMessage"); // Telegram.Bot's own retry is off
    }

    [Fact]
    public async Task A_choice_id_too_long_for_callback_data_fails_the_reply_without_calling_telegram()
    {
        var choice = new QuickReply(new string('x', 65), "Quá dài");

        var result = await _adapter.SendAsync(Lan, new OutboundMessage("Chọn", [choice]), CancellationToken.None);

        Assert.IsType<SendResult.Failed>(result);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task A_webhook_call_is_read_only_with_the_exact_secret()
    {
        var body = Encoding.UTF8.GetBytes("""{"update_id":1,"message":{"message_id":1,"date":1718000000,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},"text":"Hi"}}""");
        WebhookRequest With(string? secret) => new(
            secret is null ? new Dictionary<string, string>() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [TelegramAdapter.SecretHeader] = secret },
            body);

        Assert.IsType<WebhookResult.Accepted>(await _adapter.ReadAsync(With("s"), CancellationToken.None));
        Assert.Equal(403, Assert.IsType<WebhookResult.Rejected>(await _adapter.ReadAsync(With("S"), CancellationToken.None)).StatusCode);
        Assert.Equal(403, Assert.IsType<WebhookResult.Rejected>(await _adapter.ReadAsync(With("s "), CancellationToken.None)).StatusCode);
        Assert.Equal(403, Assert.IsType<WebhookResult.Rejected>(await _adapter.ReadAsync(With(null), CancellationToken.None)).StatusCode);
    }
}
