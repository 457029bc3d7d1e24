namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>How the fake Bot API fails a call it was told to fail.</summary>
public abstract record FakeTelegramFailure
{
    private FakeTelegramFailure()
    {
    }

    /// <summary>An error envelope with HTTP status = error_code, as the real API answers.</summary>
    public sealed record ApiError(int Code, string Description, int? RetryAfter = null) : FakeTelegramFailure;

    /// <summary>The connection is cut without an answer (a network fault as the client sees it).</summary>
    public sealed record Drop : FakeTelegramFailure;

    public static FakeTelegramFailure TooManyRequests(int retryAfter) =>
        new ApiError(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static FakeTelegramFailure Blocked => new ApiError(403, "Forbidden: bot was blocked by the user");

    public static FakeTelegramFailure BadRequest(string description = "Bad Request: chat not found") => new ApiError(400, description);

    public static FakeTelegramFailure DropConnection => new Drop();
}

/// <summary>One call the fake received: the method, its parameters as JSON, the HTTP status it answered (0: dropped) and its result.</summary>
public sealed record FakeTelegramRequest(string Method, System.Text.Json.Nodes.JsonObject Body, int Status, System.Text.Json.Nodes.JsonNode? Result = null)
{
    /// <summary>The id Telegram gave a sent message (what a button press refers to).</summary>
    public int MessageId => Result?["message_id"]?.GetValue<int>() ?? throw new InvalidOperationException($"{Method} has no message id");

    public long? ChatId => Body["chat_id"] is System.Text.Json.Nodes.JsonValue v
        ? v.TryGetValue<long>(out var n) ? n : long.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null
        : null;

    public string? Text => Body["text"]?.GetValue<string>();

    /// <summary>The inline keyboard as (label, callback_data) rows, empty without one.</summary>
    public IReadOnlyList<IReadOnlyList<(string Label, string Data)>> Keyboard =>
        Body["reply_markup"]?["inline_keyboard"]?.AsArray()
            .Select(row => (IReadOnlyList<(string, string)>)row!.AsArray()
                .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]?.GetValue<string>() ?? string.Empty)).ToList())
            .ToList()
        ?? [];

    /// <summary>The buttons' callback data in order, for quick checks.</summary>
    public IReadOnlyList<string> ButtonData => Keyboard.SelectMany(r => r).Select(b => b.Data).ToList();

    public bool Succeeded => Status == 200;
}
