using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Channels;

/// <summary>
/// The fake platforms' rate caps, which the delivery benchmark relies on to call a 429 or a -32 a real one: the call
/// over the limit is refused the way the platform refuses it, and the window slides (the clock is a fake one).
/// </summary>
public sealed class FakePlatformRateCapTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Telegram_answers_the_31st_message_within_a_second_with_429_and_retry_after_1_then_lets_one_through_as_the_first_leaves_the_window()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeTelegramApi.StartAsync();
        fake.SendCap = new SlidingWindowCap(30, TimeSpan.FromSeconds(1), time);
        using var client = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };
        async Task<JsonObject> SendAsync(int chat) =>
            (await (await client.PostAsJsonAsync($"/bot{FakeTelegramApi.Token}/sendMessage", new { chat_id = chat, text = "Thông báo họp thôn" })).Content.ReadFromJsonAsync<JsonObject>())!;

        await SendAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(500));
        for (var chat = 2; chat <= 30; chat++)
        {
            Assert.True((await SendAsync(chat))["ok"]!.GetValue<bool>());
        }

        var refused = await SendAsync(31);
        time.Advance(TimeSpan.FromMilliseconds(500)); // the first send is now exactly a second old: out of the window
        var afterSlide = await SendAsync(31);
        var stillFull = await SendAsync(32);

        Assert.Equal(429, refused["error_code"]!.GetValue<int>());
        Assert.Equal(1, refused["parameters"]!["retry_after"]!.GetValue<int>());
        Assert.True(afterSlide["ok"]!.GetValue<bool>());
        Assert.Equal(429, stillFull["error_code"]!.GetValue<int>());
        Assert.Equal(31, fake.Delivered.Count);
        Assert.Equal([.. Enumerable.Repeat(true, 30), false, true, false], fake.SendCap.Calls.Select(c => c.Admitted));
    }

    [Fact]
    public async Task Telegram_has_no_cap_unless_one_is_set()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };

        for (var chat = 1; chat <= 40; chat++)
        {
            using var response = await client.PostAsJsonAsync($"/bot{FakeTelegramApi.Token}/sendMessage", new { chat_id = chat, text = "Chào bác!" });
            Assert.True(response.IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task Zalo_answers_error_minus_32_above_its_per_window_limit_and_accepts_again_when_the_window_has_moved()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeZaloApi.StartAsync();
        // Zalo's 4,000 a minute, scaled down as the benchmark's quick case can be: 4 per 6 s here.
        fake.SendCap = new SlidingWindowCap(4, TimeSpan.FromSeconds(6), time);
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        client.DefaultRequestHeaders.Add("access_token", fake.AccessToken);
        async Task<int> SendAsync(string user) =>
            (await (await client.PostAsJsonAsync("/v3.0/oa/message/cs", new { recipient = new { user_id = user }, message = new { text = "Thông báo họp thôn" } }))
                .Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<int>();

        var first = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            first.Add(await SendAsync($"84900000000{i}"));
        }

        time.Advance(TimeSpan.FromSeconds(6));
        var afterWindow = await SendAsync("849000000006");

        Assert.Equal([0, 0, 0, 0, -32], first);
        Assert.Equal(0, afterWindow);
        Assert.Equal(5, fake.Sent.Count);
    }
}
