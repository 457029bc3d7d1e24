using System.Net.Http.Json;
using System.Text.Json;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// One resident with one conversation, walking a realistic loop: menu → press "bhyt" → press "ngheo" (an article)
/// → press "no" → type "menu" → … Against the bot each reply must offer the next step's button, so a run that
/// drifted into error or retry paths shows up as errors instead of as fast turns.
/// </summary>
public sealed class VirtualUser(ChatTarget target, HttpClient client)
{
    // (what the resident sends, the choice id the bot must offer afterwards)
    private static readonly (string? Choice, string? Text, string Offers)[] Script =
    [
        ("bhyt", null, "ngheo"),
        ("ngheo", null, "no"),
        ("no", null, "chu-de-khac"),
        (null, "menu", "bhyt"),
    ];

    private string _conversationId = "";
    private int _step;
    private int _sent;

    /// <summary>Opens the conversation (not counted as a turn: every timed turn is a message in a running chat).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(target.StartPath, new { }, ct);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), default, ct);
        _conversationId = body.RootElement.GetProperty("conversationId").GetString()
            ?? throw new InvalidOperationException($"{target.Name}: no conversationId");
        if (target.ChecksReplies && !Offers(body.RootElement, "bhyt"))
        {
            throw new InvalidOperationException($"{target.Name}: the first reply does not offer the menu");
        }
    }

    /// <summary>Sends the next scripted turn; false on any HTTP error or an unexpected reply (the script restarts).</summary>
    public async Task<bool> TurnAsync(CancellationToken ct)
    {
        var (choice, text, offers) = Script[_step];
        _sent++;
        var request = new TurnRequest(_conversationId, "m" + _sent.ToString(System.Globalization.CultureInfo.InvariantCulture), text, choice);
        try
        {
            using var response = await client.PostAsJsonAsync(target.MessagePath, request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return Fail();
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), default, ct);
            if (target.ChecksReplies && !Offers(body.RootElement, offers))
            {
                return Fail();
            }

            _step = (_step + 1) % Script.Length;
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Fail();
        }
    }

    // Back to the script's start: "menu" works from anywhere, so the next "bhyt" press is valid again.
    private bool Fail()
    {
        _step = Script.Length - 1;
        return false;
    }

    private static bool Offers(JsonElement root, string choiceId)
    {
        var replies = root.GetProperty("replies");
        var count = replies.GetArrayLength();
        return count > 0 && replies[count - 1].GetProperty("choices").EnumerateArray()
            .Any(c => c.GetProperty("id").GetString() == choiceId);
    }

    private sealed record TurnRequest(string ConversationId, string ClientMessageId, string? Text, string? Choice);
}
