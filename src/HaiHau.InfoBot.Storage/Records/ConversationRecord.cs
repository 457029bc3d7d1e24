namespace HaiHau.InfoBot.Storage.Records;

/// <summary>One conversation on one channel and its dialog state (JSON), saved after every turn.</summary>
public sealed class ConversationRecord
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    public required string UserId { get; set; }

    public string StateJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the platform says the resident blocked or left us; a new message clears it.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Why it is unreachable (the platform's words, e.g. "blocked by the user"), for officers.</summary>
    public string? UnreachableReason { get; set; }

    /// <summary>An officer is answering by hand on the platform: the bot keeps quiet here until then.</summary>
    public DateTimeOffset? SilencedUntil { get; set; }

    /// <summary>Where the resident first came from (a deep-link payload such as a commune's QR code), for officers.</summary>
    public string? Source { get; set; }
}
